package hotline.gateway.outreach.rules;

import hotline.gateway.criteria.Outcome;
import hotline.gateway.criteria.Program;
import java.util.List;

/**
 * What matching concluded for one household: the programs it appears ELIGIBLE or LIKELY for and does not receive,
 * the risk-label combinations it meets, and its risk (higher first when a daily cap holds findings back).
 */
public record MatchDecision(List<ProgramFinding> programs, List<CombinationMet> combinations, int risk) {

    public MatchDecision {
        programs = List.copyOf(programs);
        combinations = List.copyOf(combinations);
    }

    /** A finding: a visit is due. */
    public boolean isFinding() {
        return !programs.isEmpty() || !combinations.isEmpty();
    }

    public record ProgramFinding(Program program, String name, Outcome outcome, List<String> reasons) {}

    public record CombinationMet(String code, String nameZh, String nameEn, String when) {}
}
