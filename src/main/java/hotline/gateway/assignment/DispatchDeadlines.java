package hotline.gateway.assignment;

import hotline.gateway.ticket.message.DispatchSla;
import java.util.Map;

/** The deadlines a dispatch message carries, from an assignment's targets. */
public final class DispatchDeadlines {

    private DispatchDeadlines() {}

    public static DispatchSla of(Map<TargetKind, TargetTimes> targets) {
        return new DispatchSla(
                dueAt(targets, TargetKind.SIGN),
                dueAt(targets, TargetKind.CONTACT),
                dueAt(targets, TargetKind.RESOLVE),
                dueAt(targets, TargetKind.REASSIGN));
    }

    private static java.time.Instant dueAt(Map<TargetKind, TargetTimes> targets, TargetKind kind) {
        TargetTimes target = targets.get(kind);
        return target == null ? null : target.dueAt();
    }
}
