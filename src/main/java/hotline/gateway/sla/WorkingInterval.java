package hotline.gateway.sla;

import java.time.Duration;
import java.time.Instant;

/** One day's working hours as instants: [start, end). */
public record WorkingInterval(Instant start, Instant end) {

    public Duration length() {
        return Duration.between(start, end);
    }
}
