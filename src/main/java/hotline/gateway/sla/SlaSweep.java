package hotline.gateway.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, for one ticket's targets, what the SLA sweep does now. Pure: the caller stores the warnings and breaches
 * and the next check time (which the sweep's index is on).
 */
public final class SlaSweep {

    private SlaSweep() {
    }

    public static SweepDecision decide(List<TargetState> targets, Instant now) {
        List<TargetState> warn = new ArrayList<>();
        List<TargetState> breach = new ArrayList<>();
        Instant next = null;
        for (TargetState target : targets) {
            if (target.metAt() != null || target.breachedAt() != null) {
                continue;
            }
            if (SlaMeter.isBreached(target.dueAt(), null, now)) {
                // A breach says more than a late warning would: one escalation, not two.
                breach.add(target);
                continue;
            }
            boolean warningPending = target.warnAt() != null && target.warnedAt() == null;
            if (warningPending && !now.isBefore(target.warnAt())) {
                warn.add(target);
            } else if (warningPending) {
                next = earliest(next, target.warnAt());
            }
            next = earliest(next, target.dueAt());
        }
        return new SweepDecision(warn, breach, next);
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
