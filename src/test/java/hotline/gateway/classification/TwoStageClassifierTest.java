package hotline.gateway.classification;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.classification.semantic.DangerDescription;
import hotline.gateway.classification.semantic.DangerModel;
import hotline.gateway.classification.semantic.Embedders;
import hotline.gateway.classification.semantic.EmbeddingBudget;
import hotline.gateway.classification.semantic.LabelledText;
import hotline.gateway.classification.semantic.NeedModel;
import hotline.gateway.classification.semantic.SemanticClassifier;
import hotline.gateway.classification.semantic.TextEmbedder;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two stages' decisions, with fixed vectors instead of a model: the dictionary first, the semantic stage after. */
class TwoStageClassifierTest {

    /** Three axes: MEDICAL, HOUSING, danger. Unknown texts sit between MEDICAL and HOUSING. */
    private static final Map<String, float[]> VECTORS = Map.ofEntries(
            Map.entry("ex-medical", new float[] {1, 0, 0}),
            Map.entry("ex-housing", new float[] {0, 1, 0}),
            Map.entry("ex-other", new float[] {-1, 0, 0}),
            Map.entry("danger-fire", new float[] {0, 0, 1}),
            Map.entry("my chest hurts and the doctor bills pile up", unit(0.95, 0.1, 0.1)),
            Map.entry("something between the two", unit(1, 1, 0)),
            Map.entry("there is smoke and I smell burning plastic", unit(0.2, 0.1, 0.97)),
            Map.entry("my chest hurts, the doctor bills pile up and there is a smell of gas", unit(0.95, 0.1, 0.1)),
            Map.entry("the landlord says my chest pains are not his business", unit(0.95, 0.1, 0.1)),
            Map.entry("the landlord will not fix the door", unit(0.1, 0.95, 0.1)),
            Map.entry("the landlord, something between the two", unit(1, 1, 0)));

    private static float[] unit(double... v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new float[] {(float) (v[0] / n), (float) (v[1] / n), (float) (v[2] / n)};
    }

    private static final TextEmbedder FIXED = new TextEmbedder() {
        @Override
        public float[] embed(String text) {
            return VECTORS.get(text).clone();
        }

        @Override
        public String modelId() {
            return "fixed";
        }
    };

    private static final Embedders EMBEDDERS = Embedders.of(FIXED, FIXED);

    private static final NeedClassifier DICTIONARY = new NeedClassifier(NeedDictionary.parse(new StringReader("""
            HOUSING,3,rent arrears
            HOUSING,2,landlord
            URGENT,1.0,gas leak
            """)));

    private static SemanticStage stage() {
        return stage(0, 2);
    }

    /** A stage that contests a dictionary need below {@code contestBelow} with at least {@code contestMargin}. */
    private static SemanticStage stage(double contestBelow, double contestMargin) {
        NeedModel model = NeedModel.build(
                EMBEDDERS,
                List.of(
                        LabelledText.of("ex-medical", "ex-medical", NeedCode.MEDICAL, "description"),
                        LabelledText.of("ex-housing", "ex-housing", NeedCode.HOUSING, "description"),
                        LabelledText.of("ex-other", "ex-other", NeedCode.OTHER, "description")),
                1,
                1.0);
        DangerModel danger = DangerModel.build(
                EMBEDDERS, List.of(new DangerDescription("danger-fire", "fire_smoke", "danger-fire")), 0.9);
        return new SemanticStage(
                new SemanticClassifier(EMBEDDERS, model, 0.5, 0.2, contestBelow, contestMargin), danger);
    }

    private static TwoStageClassifier classifier(Optional<SemanticStage> stage, EmbeddingBudget budget) {
        return new TwoStageClassifier(DICTIONARY, () -> stage, budget, DangerFirstNeed.NONE);
    }

    @Test
    void theDictionaryDecidesWhenItIsSureAndTheModelIsNotAsked() {
        NeedJudgement j =
                classifier(Optional.of(stage()), new EmbeddingBudget(1)).classify("rent arrears again");
        assertThat(j.classification().primary()).isEqualTo(NeedCode.HOUSING);
        assertThat(j.method()).isEqualTo(ClassificationMethod.DICTIONARY);
        assertThat(j.semantic()).isEqualTo(SemanticOutcome.NOT_NEEDED);
        assertThat(j.modelVersion()).isNull();
    }

    @Test
    void theSemanticStageDecidesWhereTheDictionaryIsUnsureAndItsMarginIsClear() {
        NeedJudgement j = classifier(Optional.of(stage()), new EmbeddingBudget(1))
                .classify("my chest hurts and the doctor bills pile up");
        assertThat(j.classification().primary()).isEqualTo(NeedCode.MEDICAL);
        assertThat(j.method()).isEqualTo(ClassificationMethod.SEMANTIC);
        assertThat(j.semantic()).isEqualTo(SemanticOutcome.DECIDED);
        assertThat(j.nearest()).first().satisfies(n -> {
            assertThat(n.id()).isEqualTo("ex-medical");
            assertThat(n.need()).isEqualTo(NeedCode.MEDICAL);
        });
        assertThat(j.modelVersion()).isEqualTo(stage().version());
    }

    @Test
    void withoutAClearMarginTheCallStaysInTriage() {
        NeedJudgement j =
                classifier(Optional.of(stage()), new EmbeddingBudget(1)).classify("something between the two");
        assertThat(j.classification().primary()).isEqualTo(NeedCode.OTHER);
        assertThat(j.method()).isEqualTo(ClassificationMethod.DICTIONARY);
        assertThat(j.semantic()).isEqualTo(SemanticOutcome.UNDECIDED);
    }

    @Test
    void aSpentBudgetKeepsTheDictionarysAnswerAtOnceAndSaysSo() throws Exception {
        EmbeddingBudget budget = new EmbeddingBudget(1);
        PermitsTaken.whileEveryPermitIsTaken(budget, () -> {
            NeedJudgement j =
                    classifier(Optional.of(stage()), budget).classify("my chest hurts and the doctor bills pile up");
            assertThat(j.classification().primary()).isEqualTo(NeedCode.OTHER);
            assertThat(j.semantic()).isEqualTo(SemanticOutcome.BUDGET_SPENT);
        });
    }

    @Test
    void aNeedTheDictionaryNamedBelowTheContestLevelIsOverturnedByAClearerSemanticNeed() {
        // "landlord" alone: HOUSING at confidence 0.67, open to contest below 0.9
        NeedJudgement j = classifier(Optional.of(stage(0.9, 0.3)), new EmbeddingBudget(1))
                .classify("the landlord says my chest pains are not his business");
        assertThat(j.classification().primary()).isEqualTo(NeedCode.MEDICAL);
        assertThat(j.classification().all()).containsExactly(NeedCode.MEDICAL, NeedCode.HOUSING);
        assertThat(j.classification().evidence()).containsExactly("landlord");
        assertThat(j.method()).isEqualTo(ClassificationMethod.SEMANTIC);
        assertThat(j.semantic()).isEqualTo(SemanticOutcome.DECIDED);
        assertThat(j.modelVersion()).isEqualTo(stage().version());
    }

    @Test
    void aContestedNeedStandsWhenTheStageAgreesOrItsMarginIsNotClearer() {
        TwoStageClassifier classifier = classifier(Optional.of(stage(0.9, 0.3)), new EmbeddingBudget(1));
        NeedJudgement agrees = classifier.classify("the landlord will not fix the door");
        assertThat(agrees.classification().primary()).isEqualTo(NeedCode.HOUSING);
        assertThat(agrees.method()).isEqualTo(ClassificationMethod.DICTIONARY);
        assertThat(agrees.semantic()).isEqualTo(SemanticOutcome.KEPT);
        assertThat(agrees.modelVersion()).isEqualTo(stage().version());
        assertThat(agrees.nearest()).first().extracting(n -> n.need()).isEqualTo(NeedCode.HOUSING);

        NeedJudgement unclear = classifier.classify("the landlord, something between the two");
        assertThat(unclear.classification().primary()).isEqualTo(NeedCode.HOUSING);
        assertThat(unclear.semantic()).isEqualTo(SemanticOutcome.KEPT);
    }

    @Test
    void aNeedAtOrAboveTheContestLevelIsNeverContestedAndAStageThatNeverContestsLeavesItAlone() {
        NeedJudgement sure =
                classifier(Optional.of(stage(0.9, 0.3)), new EmbeddingBudget(1)).classify("rent arrears again");
        assertThat(sure.semantic()).isEqualTo(SemanticOutcome.NOT_NEEDED);
        assertThat(sure.modelVersion()).isNull();
        NeedJudgement notContested = classifier(Optional.of(stage()), new EmbeddingBudget(1))
                .classify("the landlord says my chest pains are not his business");
        assertThat(notContested.classification().primary()).isEqualTo(NeedCode.HOUSING);
        assertThat(notContested.semantic()).isEqualTo(SemanticOutcome.NOT_NEEDED);
    }

    @Test
    void aSpentBudgetKeepsAContestedNeedAtOnce() throws Exception {
        EmbeddingBudget budget = new EmbeddingBudget(1);
        PermitsTaken.whileEveryPermitIsTaken(budget, () -> {
            NeedJudgement j = classifier(Optional.of(stage(0.9, 0.3)), budget)
                    .classify("the landlord says my chest pains are not his business");
            assertThat(j.classification().primary()).isEqualTo(NeedCode.HOUSING);
            assertThat(j.semantic()).isEqualTo(SemanticOutcome.BUDGET_SPENT);
        });
    }

    @Test
    void anObserverIsToldEveryJudgementAsGiven() {
        java.util.List<NeedJudgement> seen = new java.util.ArrayList<>();
        TwoStageClassifier observed =
                classifier(Optional.of(stage(0.9, 0.3)), new EmbeddingBudget(1)).withObserver(seen::add);
        NeedJudgement sure = observed.classify("rent arrears again");
        NeedJudgement overturned = observed.classify("the landlord says my chest pains are not his business");
        assertThat(seen).containsExactly(sure, overturned);
        assertThat(seen)
                .extracting(NeedJudgement::semantic)
                .containsExactly(SemanticOutcome.NOT_NEEDED, SemanticOutcome.DECIDED);
    }

    @Test
    void withoutAModelTheDictionaryDecidesAlone() {
        NeedJudgement j = classifier(Optional.empty(), new EmbeddingBudget(1))
                .classify("my chest hurts and the doctor bills pile up");
        assertThat(j.classification().primary()).isEqualTo(NeedCode.OTHER);
        assertThat(j.semantic()).isEqualTo(SemanticOutcome.UNAVAILABLE);
    }

    @Test
    void aDangerHintIsGivenWhenNoRuleMadeTheCallUrgentAndNeverChangesUrgency() {
        NeedJudgement j = classifier(Optional.of(stage()), new EmbeddingBudget(1))
                .classify("there is smoke and I smell burning plastic");
        assertThat(j.classification().urgent()).isFalse();
        assertThat(j.dangerHint()).isNotNull();
        assertThat(j.dangerHint().category()).isEqualTo("fire_smoke");
        assertThat(j.dangerHint().nearestDescriptionId()).isEqualTo("danger-fire");
    }

    @Test
    void aDangerWhoseCategoryNamesANeedPutsItBeforeTheNeedTheSemanticStageRead() {
        DangerTaxonomy taxonomy = DangerTaxonomy.parse(new StringReader("""
                categories:
                  gas:
                    primary-need: EMERGENCY
                    alone: {en: ["smell of gas"]}
                immediacy: {en: ["right now"]}
                resolved: {en: ["last year"]}
                """), "test.yml");
        NeedClassifier dictionary =
                new NeedClassifier(NeedDictionary.parse(new StringReader("HOUSING,3,rent arrears\n"))
                        .with(taxonomy));
        TwoStageClassifier classifier = new TwoStageClassifier(
                dictionary, () -> Optional.of(stage()), new EmbeddingBudget(1), new DangerFirstNeed(taxonomy));
        NeedJudgement j = classifier.classify("my chest hurts, the doctor bills pile up and there is a smell of gas");
        assertThat(j.classification().primary()).isEqualTo(NeedCode.EMERGENCY);
        assertThat(j.classification().all()).containsExactly(NeedCode.EMERGENCY, NeedCode.MEDICAL);
        assertThat(j.classification().urgent()).isTrue();
        assertThat(j.method()).isEqualTo(ClassificationMethod.SEMANTIC);
        assertThat(j.semantic()).isEqualTo(SemanticOutcome.DECIDED);
        assertThat(j.nearest()).first().extracting(n -> n.need()).isEqualTo(NeedCode.MEDICAL);
    }

    @Test
    void theRefreshGateRefusesAVersionThatLosesRecallOnAnyNeed() {
        Map<NeedCode, Double> active = Map.of(NeedCode.MEDICAL, 0.8, NeedCode.HOUSING, 0.7);
        assertThat(SemanticModels.gate(Map.of(NeedCode.MEDICAL, 0.9, NeedCode.HOUSING, 0.7), active, true))
                .isNull();
        assertThat(SemanticModels.gate(Map.of(NeedCode.MEDICAL, 0.95, NeedCode.HOUSING, 0.6), active, true))
                .contains("HOUSING");
        assertThat(SemanticModels.gate(Map.of(NeedCode.MEDICAL, 0.1), Map.of(), false))
                .isNull();
    }
}
