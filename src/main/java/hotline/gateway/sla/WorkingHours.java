package hotline.gateway.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/** The office hours of a working day, e.g. 09:00-17:00 Asia/Shanghai; their length is one working day. */
public record WorkingHours(ZoneId zone, LocalTime start, LocalTime end) {

    public WorkingHours {
        Objects.requireNonNull(zone, "zone");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("working hours must start before they end: " + start + "-" + end);
        }
    }

    public Duration perDay() {
        return Duration.between(start, end);
    }

    @Override
    public String toString() {
        return start + "-" + end + " " + zone;
    }
}
