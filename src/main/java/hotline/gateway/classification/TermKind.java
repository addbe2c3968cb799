package hotline.gateway.classification;

/** What a dictionary term is evidence of (the first CSV column, see config/need-dictionary.csv). */
public enum TermKind {
    /** Evidence for a {@link NeedCode} (any code but OTHER). */
    NEED,
    /** Information-only, off-topic or thank-you signal: competes with the needs, never reported as one. */
    INFO,
    /** Danger now: life or safety at risk, or no food / shelter today. */
    URGENT,
    /** Immediacy cue; adds to a danger sum, never urgent on its own. */
    NOW,
    /**
     * A vulnerable person (a baby, someone bedridden or with dementia): counts like an immediacy cue towards a
     * danger sum, never urgent on its own.
     */
    VULNERABLE,
    /**
     * Past, resolved or negated: silences URGENT and NOW terms in the same clause, and URGENT terms in the clauses
     * after it in the same sentence up to an immediacy cue.
     */
    RESOLVED,
    /**
     * Counts for nothing: matched only so that a shorter urgency term inside it is not read (十五岁, fifteen years
     * old, is not 五岁, five).
     */
    NEUTRAL
}
