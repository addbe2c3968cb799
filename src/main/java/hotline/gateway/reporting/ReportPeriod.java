package hotline.gateway.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Calendar days [from, to], both included, in the hotline's time zone. */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    /** The first instant of {@code from}. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code to}: the period is [start, end). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
