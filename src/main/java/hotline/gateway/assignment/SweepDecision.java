package hotline.gateway.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sweep does now: warn these targets, breach those, and look again at {@code nextCheckAt} (null when no
 * target is pending). Pure: the caller stores the warnings and breaches and the next check time (which the sweep's
 * index is on).
 */
public record SweepDecision(List<TargetState> warn, List<TargetState> breach, Instant nextCheckAt) {

    public SweepDecision {
        warn = List.copyOf(warn);
        breach = List.copyOf(breach);
    }

    public boolean nothingToDo() {
        return warn.isEmpty() && breach.isEmpty();
    }

    /** What to do now with one assignment's targets. */
    public static SweepDecision of(List<TargetState> targets, Instant now) {
        List<TargetState> warn = new ArrayList<>();
        List<TargetState> breach = new ArrayList<>();
        Instant next = null;
        for (TargetState target : targets) {
            if (target.metAt() != null || target.breachedAt() != null) {
                continue;
            }
            if (TargetTimes.isBreached(target.dueAt(), null, now)) {
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

    /** When the sweep must look at these targets next, however long ago that is: none is acted on here. */
    public static Instant nextCheckAt(List<TargetState> targets) {
        return of(targets, Instant.MIN).nextCheckAt();
    }
}
