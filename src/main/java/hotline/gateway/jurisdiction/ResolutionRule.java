package hotline.gateway.jurisdiction;

/** The rule that decided an assignment, in the order the rules are tried. */
public enum ResolutionRule {
    TOWN_CODE, COMMUNITY, ADDRESS_TOWN_NAME, GAZETTEER, DISTRICT_ONLY, AMBIGUOUS, NONE
}
