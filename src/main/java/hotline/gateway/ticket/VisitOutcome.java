package hotline.gateway.ticket;

/**
 * What a proactive visit (a DATA_MATCH ticket) found, given with its RESOLVE: the household now receives help, has
 * applied, is not eligible, refused help, or was not found at the address. Outreach keeps it in its register; a
 * household found not in need (NOT_ELIGIBLE, REFUSED_HELP, NOW_RECEIVING) is not flagged again until its facts
 * change.
 */
public enum VisitOutcome {
    NOW_RECEIVING,
    APPLIED,
    NOT_ELIGIBLE,
    REFUSED_HELP,
    NOT_FOUND_AT_ADDRESS
}
