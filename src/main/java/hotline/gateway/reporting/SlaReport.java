package hotline.gateway.reporting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An SLA report: what was asked, when it was computed ("now" for open and overdue), its groups and their total, and
 * the format (and, for CSV, the header's language) it is to be answered in.
 */
public record SlaReport(
        LocalDate from,
        LocalDate to,
        String timeZone,
        String groupBy,
        String district,
        Instant generatedAt,
        List<SlaFigures> groups,
        SlaFigures total,
        @JsonIgnore ReportFormat format,
        @JsonIgnore ReportLanguage language) {}
