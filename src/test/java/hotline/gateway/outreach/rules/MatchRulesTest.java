package hotline.gateway.outreach.rules;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.criteria.Assessment;
import hotline.gateway.criteria.Assessor;
import hotline.gateway.criteria.CriteriaFiles;
import hotline.gateway.criteria.HouseholdFacts;
import hotline.gateway.criteria.Outcome;
import hotline.gateway.criteria.Program;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Findings from the criteria's own assessment under the shipped criteria files, and from risk combinations. */
class MatchRulesTest {

    private static final Assessor ASSESSOR =
            new Assessor(CriteriaFiles.load(Path.of("config/criteria")), ZoneId.of("Asia/Shanghai"));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final LabelDictionary DICTIONARY =
            LabelDictionary.load(Path.of("config/labels"), LabelDictionaryTest.VALUES);
    private static final MatchRules RULES = new MatchRules(
            EnumSet.of(Program.SUBSISTENCE_ALLOWANCE, Program.LOW_INCOME_FAMILY, Program.MEDICAL_ASSISTANCE),
            DICTIONARY.combinations(),
            Map.of("ELDERLY_80_ALONE", 3, "CHRONIC_ILLNESS", 1));

    private static Assessment assess(int size, int income) {
        HouseholdFacts.Member adult = new HouseholdFacts.Member(50, null, null, null, null, null);
        return ASSESSOR.assess(
                EnumSet.allOf(NeedCode.class),
                new HouseholdFacts(size, BigDecimal.valueOf(income), null, null, null, List.of(adult)),
                DAY);
    }

    @Test
    void aProgramNotReceivedIsAFindingWithTheCriteriasReasons() {
        MatchDecision decision = RULES.decide(assess(1, 1000), Set.of(), Set.of(), false);

        assertThat(decision.isFinding()).isTrue();
        assertThat(decision.programs())
                .extracting(MatchDecision.ProgramFinding::program, MatchDecision.ProgramFinding::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Program.SUBSISTENCE_ALLOWANCE, Outcome.ELIGIBLE),
                        org.assertj.core.groups.Tuple.tuple(Program.MEDICAL_ASSISTANCE, Outcome.ELIGIBLE));
        assertThat(decision.programs().get(0).reasons())
                .containsExactly("per-capita income 1,000 < subsistence standard 1,330 (from 2021-07-01)");
        assertThat(decision.risk()).isEqualTo(10);
    }

    @Test
    void aReceivedOrCoveringProgramIsNoFinding() {
        MatchDecision decision = RULES.decide(assess(1, 1000), Set.of("SUBSISTENCE_ALLOWANCE"), Set.of(), false);

        assertThat(decision.isFinding()).isFalse();
    }

    @Test
    void aLowerBoundIncomeMakesEligibleLikely() {
        MatchDecision decision = RULES.decide(assess(1, 1000), Set.of(), Set.of(), true);

        assertThat(decision.programs()).allSatisfy(p -> assertThat(p.outcome()).isEqualTo(Outcome.LIKELY));
        assertThat(decision.programs().get(0).reasons()).contains(MatchRules.LOWER_BOUND_REASON);
        assertThat(decision.risk()).isEqualTo(6);
    }

    @Test
    void aRiskCombinationIsAFindingByItselfAndAddsTheLabelsRisk() {
        Assessment unknownIncome = ASSESSOR.assess(EnumSet.allOf(NeedCode.class), HouseholdFacts.UNKNOWN, DAY);

        MatchDecision decision =
                RULES.decide(unknownIncome, Set.of(), Set.of("ELDERLY_80_ALONE", "CHRONIC_ILLNESS"), false);

        assertThat(decision.programs()).isEmpty();
        assertThat(decision.combinations())
                .extracting(MatchDecision.CombinationMet::code)
                .containsExactly("ALONE_AND_ILL");
        assertThat(decision.risk()).isEqualTo(5 + 3 + 1);
        assertThat(RULES.decide(unknownIncome, Set.of(), Set.of("ELDERLY_80_ALONE"), false)
                        .isFinding())
                .isFalse();
    }
}
