package hotline.gateway.sla;

import hotline.gateway.assignment.TargetTimes;
import java.time.Instant;

/** Measures a target for the API view and reports. */
public final class SlaMeter {

    private final WorkingTime time;

    public SlaMeter(WorkingTime time) {
        this.time = time;
    }

    /** {@code metAt} is null while the target is not met. */
    public Measurement measure(TimeKind kind, Instant startedAt, Instant dueAt, Instant metAt, Instant now) {
        Instant end = metAt != null ? metAt : now;
        return new Measurement(
                kind,
                time.between(startedAt, end, kind),
                time.between(end, dueAt, kind),
                metAt != null,
                TargetTimes.isBreached(dueAt, metAt, now));
    }

    public Measurement measure(Deadline deadline, Instant metAt, Instant now) {
        return measure(deadline.span().kind(), deadline.startedAt(), deadline.dueAt(), metAt, now);
    }
}
