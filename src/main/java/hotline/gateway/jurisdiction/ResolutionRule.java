package hotline.gateway.jurisdiction;

/** The rule that decided an assignment, in the order the rules are tried. */
public enum ResolutionRule {
    TOWN_CODE,
    COMMUNITY,
    ADDRESS_TOWN_NAME,
    GAZETTEER,
    DISTRICT_ONLY,
    AMBIGUOUS,
    NONE,
    /** After intake: an office returned the ticket (退单) to the dispatch desk. */
    RETURNED_BY_OFFICE,
    /** After intake: a dispatch desk named the office. */
    REASSIGNED_BY_DESK
}
