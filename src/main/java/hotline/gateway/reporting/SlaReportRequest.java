package hotline.gateway.reporting;

/**
 * An SLA report asked for: the period, the grouping, an optional district (6-digit code), the answer's format and the
 * language of a CSV answer's header row.
 */
public record SlaReportRequest(
        ReportPeriod period, GroupBy groupBy, String district, ReportFormat format, ReportLanguage language) {

    /** A request whose CSV header (if any) names the JSON fields. */
    public SlaReportRequest(ReportPeriod period, GroupBy groupBy, String district, ReportFormat format) {
        this(period, groupBy, district, format, ReportLanguage.KEYS);
    }
}
