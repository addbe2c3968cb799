package hotline.gateway.outreach;

import hotline.gateway.criteria.Assessment;
import hotline.gateway.outreach.rules.MatchDecision;

/** A finding as matching made it: the household, its decision, the assessment that gave the reasons. */
record FindingRecord(String findingId, Candidate household, MatchDecision decision, Assessment assessment) {

    static String idOf(String householdKey, String factsHash) {
        return "DM-" + householdKey.substring(0, Math.min(16, householdKey.length())) + "-"
                + factsHash.substring(0, Math.min(8, factsHash.length()));
    }
}
