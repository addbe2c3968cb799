package hotline.gateway.reporting;

/** Lets the benchmark (another package) explain the report's statement exactly as the repository runs it. */
public final class SlaReportSqlAccess {

    private SlaReportSqlAccess() {
    }

    public static String statement(GroupBy groupBy) {
        return SlaReportSql.statement(groupBy);
    }
}
