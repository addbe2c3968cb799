package hotline.gateway.ticket;

import java.time.Instant;
import java.util.Map;

/**
 * A ticket's deadlines at its current office, and per target how it stands: time used and left (in working or
 * clock minutes, as the target counts) and whether it was breached.
 */
public record SlaView(
        Instant signBy, Instant contactBy, Instant resolveBy, Instant reassignBy, Map<String, Target> targets) {

    public record Target(
            String timeKind,
            Instant dueAt,
            Instant metAt,
            long elapsedMinutes,
            long remainingMinutes,
            boolean breached) {}
}
