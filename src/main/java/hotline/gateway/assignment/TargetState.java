package hotline.gateway.assignment;

import java.time.Instant;

/**
 * A stored target as the sweep sees it. Null means not yet: not met, not warned, not breached; a null
 * {@code warnAt} means the target has no warning.
 */
public record TargetState(
        TargetKind kind, Instant warnAt, Instant dueAt, Instant metAt, Instant warnedAt, Instant breachedAt) {}
