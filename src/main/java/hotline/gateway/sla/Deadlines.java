package hotline.gateway.sla;

import hotline.gateway.assignment.TargetKind;
import java.time.Duration;
import java.time.Instant;

/** Starts a target's clock: its due time and its warning time, each counted in the span's own kind of time. */
public final class Deadlines {

    private final WorkingTime time;
    private final double warnShare;

    public Deadlines(WorkingTime time, double warnShare) {
        if (!(warnShare > 0 && warnShare < 1)) {
            throw new IllegalArgumentException("warn share must be between 0 and 1 (exclusive): " + warnShare);
        }
        this.time = time;
        this.warnShare = warnShare;
    }

    public Deadline deadline(TargetKind kind, SlaSpan span, Instant startedAt) {
        Instant warnAt = time.plus(startedAt, share(span.length()), span.kind());
        return new Deadline(kind, span, startedAt, warnAt, time.plus(startedAt, span));
    }

    /** The warning time for a due time that was moved (an extension): the warn share of the time from start to due. */
    public Instant warnAt(Instant startedAt, Instant dueAt, TimeKind kind) {
        return time.plus(startedAt, share(time.between(startedAt, dueAt, kind)), kind);
    }

    /** Millisecond precision is plenty for a warning and keeps the double arithmetic exact for weeks-long spans. */
    private Duration share(Duration length) {
        return Duration.ofMillis(Math.round(length.toMillis() * warnShare));
    }
}
