package hotline.gateway.ticket;

import hotline.gateway.classification.NeedCode;
import java.util.List;

/** A ticket's classified needs as callers and offices see them. */
public record NeedsView(NeedCode primary, List<NeedCode> all, double confidence, List<String> evidence) {}
