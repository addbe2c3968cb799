package hotline.gateway.outreach.rules;

import hotline.gateway.criteria.Assessment;
import hotline.gateway.criteria.Outcome;
import hotline.gateway.criteria.Program;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a household's assessment (the criteria's own rules and reasons) and its labels into a decision. A program
 * counts when the assessment says ELIGIBLE or LIKELY, the household does not receive it, and does not receive a
 * program that covers it (a subsistence allowance covers medical assistance and the low-income status; special
 * hardship support covers both; any assistance covers sub-district assistance, and so does a city income program
 * found for the household: the sub-district's help is for those the city's lines leave out). When the household's income is only
 * a lower bound (pensions and benefits, no means test), ELIGIBLE becomes LIKELY: the visit checks the rest.
 */
public final class MatchRules {

    static final Map<Program, Set<Program>> COVERED_BY = Map.of(
            Program.SUBSISTENCE_ALLOWANCE, EnumSet.of(Program.SPECIAL_HARDSHIP),
            Program.LOW_INCOME_FAMILY, EnumSet.of(Program.SUBSISTENCE_ALLOWANCE, Program.SPECIAL_HARDSHIP),
            Program.MEDICAL_ASSISTANCE,
                    EnumSet.of(Program.SUBSISTENCE_ALLOWANCE, Program.SPECIAL_HARDSHIP, Program.LOW_INCOME_FAMILY),
            Program.SUBDISTRICT_ASSISTANCE, EnumSet.allOf(Program.class));

    static final Set<Program> CITY_INCOME_PROGRAMS =
            EnumSet.of(Program.SUBSISTENCE_ALLOWANCE, Program.LOW_INCOME_FAMILY, Program.SPECIAL_HARDSHIP);

    static final String LOWER_BOUND_REASON =
            "the household's income is a lower bound (pensions and benefits of human resources and social security):"
                    + " the visit checks the rest";

    private static final int ELIGIBLE_RISK = 10;
    private static final int LIKELY_RISK = 6;

    private final Set<Program> programs;
    private final List<RiskCombination> combinations;
    private final Map<String, Integer> labelRisk;

    /**
     * @param programs     the programs matching looks for (configured)
     * @param combinations the risk-label combinations that make a finding by themselves
     * @param labelRisk    each label's risk, added to a finding's risk
     */
    public MatchRules(Set<Program> programs, List<RiskCombination> combinations, Map<String, Integer> labelRisk) {
        this.programs = programs.isEmpty() ? EnumSet.noneOf(Program.class) : EnumSet.copyOf(programs);
        this.combinations = List.copyOf(combinations);
        this.labelRisk = Map.copyOf(labelRisk);
    }

    public MatchDecision decide(Assessment assessment, Set<String> receives, Set<String> labels, boolean lowerBound) {
        List<MatchDecision.ProgramFinding> found = new ArrayList<>();
        int risk = 0;
        for (Assessment.ProgramAssessment program : assessment.programs()) {
            if (!programs.contains(program.program()) || received(program.program(), receives)) {
                continue;
            }
            Outcome outcome = program.outcome();
            if (outcome != Outcome.ELIGIBLE && outcome != Outcome.LIKELY) {
                continue;
            }
            List<String> reasons = new ArrayList<>(program.reasons());
            if (lowerBound && outcome == Outcome.ELIGIBLE) {
                outcome = Outcome.LIKELY;
                reasons.add(LOWER_BOUND_REASON);
            }
            risk = Math.max(risk, outcome == Outcome.ELIGIBLE ? ELIGIBLE_RISK : LIKELY_RISK);
            found.add(new MatchDecision.ProgramFinding(program.program(), program.name(), outcome, reasons));
        }
        if (found.stream().anyMatch(f -> CITY_INCOME_PROGRAMS.contains(f.program()))) {
            found.removeIf(f -> f.program() == Program.SUBDISTRICT_ASSISTANCE);
        }
        List<MatchDecision.CombinationMet> met = new ArrayList<>();
        for (RiskCombination combination : combinations) {
            if (LabelQuery.holds(combination.expr(), labels)) {
                met.add(new MatchDecision.CombinationMet(
                        combination.code(), combination.nameZh(), combination.nameEn(), combination.when()));
                risk += combination.risk();
            }
        }
        if (found.isEmpty() && met.isEmpty()) {
            return new MatchDecision(List.of(), List.of(), 0);
        }
        for (String label : labels) {
            risk += labelRisk.getOrDefault(label, 0);
        }
        return new MatchDecision(found, met, risk);
    }

    private static boolean received(Program program, Set<String> receives) {
        if (receives.contains(program.name())) {
            return true;
        }
        for (Program cover : COVERED_BY.getOrDefault(program, Set.of())) {
            if (receives.contains(cover.name())) {
                return true;
            }
        }
        return false;
    }
}
