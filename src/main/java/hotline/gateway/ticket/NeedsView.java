package hotline.gateway.ticket;

import java.util.List;

/** A ticket's classified needs as callers and offices see them. */
public record NeedsView(String primary, List<String> all, double confidence, List<String> evidence) {}
