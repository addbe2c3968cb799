package hotline.gateway.web;

import hotline.gateway.reporting.ReportFormat;
import hotline.gateway.reporting.SlaReport;
import hotline.gateway.reporting.SlaReportCsv;
import org.apache.camel.Exchange;

/** Answers a report in the format asked for: JSON, or CSV as a file to save. */
public class ReportReplies {

    private final HttpReplies replies;

    public ReportReplies(HttpReplies replies) {
        this.replies = replies;
    }

    public void sla(Exchange exchange, SlaReport report) {
        if (report.format() == ReportFormat.CSV) {
            replies.file(
                    exchange, "text/csv; charset=utf-8", SlaReportCsv.fileName(report), SlaReportCsv.write(report));
        } else {
            replies.ok(exchange, report);
        }
    }
}
