package hotline.gateway.assignment;

import hotline.gateway.ticket.message.DispatchSla;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The deadlines a dispatch message carries, from an assignment's targets: rounded to the microsecond as the database
 * driver rounds them when it stores them, so that the message and the ticket's REST view name the same instants.
 */
public final class DispatchDeadlines {

    private DispatchDeadlines() {}

    public static DispatchSla of(Map<TargetKind, TargetTimes> targets) {
        return new DispatchSla(
                dueAt(targets, TargetKind.SIGN),
                dueAt(targets, TargetKind.CONTACT),
                dueAt(targets, TargetKind.RESOLVE),
                dueAt(targets, TargetKind.REASSIGN));
    }

    private static Instant dueAt(Map<TargetKind, TargetTimes> targets, TargetKind kind) {
        TargetTimes target = targets.get(kind);
        return target == null ? null : target.dueAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }
}
