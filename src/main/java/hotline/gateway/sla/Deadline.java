package hotline.gateway.sla;

import hotline.gateway.assignment.TargetKind;
import java.time.Instant;

/** A target's clock: when it started, when a warning is due, when it is breached. */
public record Deadline(TargetKind kind, SlaSpan span, Instant startedAt, Instant warnAt, Instant dueAt) {}
