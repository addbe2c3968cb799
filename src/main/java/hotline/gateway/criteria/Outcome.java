package hotline.gateway.criteria;

/**
 * What the facts given say about one program. ELIGIBLE: every criterion the rule checks is met (the office still
 * verifies the facts); LIKELY: the main criterion is met and the rest is the office's judgement; NEEDS_ASSESSMENT:
 * a fact is missing, a home visit decides; NOT_ELIGIBLE: a criterion is not met.
 */
public enum Outcome {
    ELIGIBLE,
    LIKELY,
    NEEDS_ASSESSMENT,
    NOT_ELIGIBLE
}
