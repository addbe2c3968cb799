package hotline.gateway.classification;

/** What became of the semantic stage for one request. */
public enum SemanticOutcome {
    /** The dictionary was sure: the stage did not run. */
    NOT_NEEDED,
    /** The stage decided the need. */
    DECIDED,
    /**
     * The dictionary named a need with a confidence open to contest; the stage read the call and did not overturn
     * it: the dictionary's need stands.
     */
    KEPT,
    /** The stage ran but its margin was not clear (or it found no need): the request goes to triage. */
    UNDECIDED,
    /**
     * Every embedding permit was taken: the request kept the dictionary's answer without waiting (triage, or the need
     * the dictionary named with a confidence open to contest).
     */
    BUDGET_SPENT,
    /** The stage is switched off, its model is not loaded yet, or the native runtime cannot run here. */
    UNAVAILABLE;

    /** True when the stage embedded the call at intake (so its danger hint, if any, was given then). */
    public boolean readTheCall() {
        return this == DECIDED || this == KEPT || this == UNDECIDED;
    }
}
