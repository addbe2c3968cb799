package hotline.gateway.reporting;

/** An SLA report asked for: the period, the grouping, an optional district (6-digit code) and the answer's format. */
public record SlaReportRequest(ReportPeriod period, GroupBy groupBy, String district, ReportFormat format) {}
