package hotline.gateway.reporting;

/** Lets the benchmark (another package) explain the report's statements exactly as the repository runs them. */
public final class SlaReportSqlAccess {

    private SlaReportSqlAccess() {}

    public static String countStatement(GroupBy groupBy) {
        return SlaReportSql.countStatement(groupBy);
    }

    public static String spreadStatement(GroupBy groupBy) {
        return SlaReportSql.spreadStatement(groupBy);
    }
}
