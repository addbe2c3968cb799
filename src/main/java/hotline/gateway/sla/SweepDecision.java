package hotline.gateway.sla;

import java.time.Instant;
import java.util.List;

/**
 * What the sweep does now: warn these targets, breach those, and look again at {@code nextCheckAt} (null when no
 * target is pending).
 */
public record SweepDecision(List<TargetState> warn, List<TargetState> breach, Instant nextCheckAt) {

    public SweepDecision {
        warn = List.copyOf(warn);
        breach = List.copyOf(breach);
    }

    public boolean nothingToDo() {
        return warn.isEmpty() && breach.isEmpty();
    }
}
