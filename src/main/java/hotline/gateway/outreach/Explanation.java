package hotline.gateway.outreach;

import hotline.gateway.criteria.Assessment;
import hotline.gateway.outreach.rules.MatchDecision;
import java.util.List;

/**
 * Why a household is a finding, kept with the finding and carried by its visit ticket: its labels (code and names),
 * the programs it appears ELIGIBLE or LIKELY for and does not receive (with the criteria's reasons), the risk
 * combinations it meets, its risk, and the whole assessment (criteria version, day, every program).
 */
public record Explanation(
        List<LabelView> labels,
        List<MatchDecision.ProgramFinding> programs,
        List<MatchDecision.CombinationMet> combinations,
        int risk,
        Assessment assessment) {

    public record LabelView(String code, String zh, String en) {}
}
