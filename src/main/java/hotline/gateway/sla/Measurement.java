package hotline.gateway.sla;

import java.time.Duration;

/**
 * Where a target stands, in its own kind of time: elapsed from its start to when it was met (or now); remaining
 * from then to its due time, negative once overdue; breached when met after its due time, or unmet at or after it.
 */
public record Measurement(TimeKind kind, Duration elapsed, Duration remaining, boolean met, boolean breached) {}
