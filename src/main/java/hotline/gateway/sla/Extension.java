package hotline.gateway.sla;

import java.time.Instant;

/** An approved extension: the new resolution due time, and whether the maximum cut the request short. */
public record Extension(Instant dueAt, boolean capped, Instant maximumDueAt) {}
