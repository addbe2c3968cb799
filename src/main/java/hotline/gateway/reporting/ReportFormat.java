package hotline.gateway.reporting;

/** How a report is answered. */
public enum ReportFormat {
    JSON,
    /** UTF-8 with a byte order mark, RFC 4180 quoting. */
    CSV
}
