package hotline.gateway.classification;

/** What became of the semantic stage for one request. */
public enum SemanticOutcome {
    /** The dictionary was sure: the stage did not run. */
    NOT_NEEDED,
    /** The stage decided the need. */
    DECIDED,
    /** The stage ran but its margin was not clear (or it found no need): the request goes to triage. */
    UNDECIDED,
    /** Every embedding permit was taken: the request kept the dictionary's answer without waiting. */
    BUDGET_SPENT,
    /** The stage is switched off, its model is not loaded yet, or the native runtime cannot run here. */
    UNAVAILABLE
}
