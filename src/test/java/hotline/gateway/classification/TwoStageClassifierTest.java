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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The two stages' decisions, with fixed vectors instead of a model: the dictionary first, the semantic stage after. */
class TwoStageClassifierTest {

    /** Three axes: MEDICAL, HOUSING, danger. Unknown texts sit between MEDICAL and HOUSING. */
    private static final Map<String, float[]> VECTORS = Map.of(
            "ex-medical",
            new float[] {1, 0, 0},
            "ex-housing",
            new float[] {0, 1, 0},
            "ex-other",
            new float[] {-1, 0, 0},
            "danger-fire",
            new float[] {0, 0, 1},
            "my chest hurts and the doctor bills pile up",
            unit(0.95, 0.1, 0.1),
            "something between the two",
            unit(1, 1, 0),
            "there is smoke and I smell burning plastic",
            unit(0.2, 0.1, 0.97),
            "my chest hurts, the doctor bills pile up and there is a smell of gas",
            unit(0.95, 0.1, 0.1));

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
            URGENT,1.0,gas leak
            """)));

    private static SemanticStage stage() {
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
        return new SemanticStage(new SemanticClassifier(EMBEDDERS, model, 0.5, 0.2), danger);
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
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> budget.tryRun(() -> {
            holding.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        other.start();
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            NeedJudgement j =
                    classifier(Optional.of(stage()), budget).classify("my chest hurts and the doctor bills pile up");
            assertThat(j.classification().primary()).isEqualTo(NeedCode.OTHER);
            assertThat(j.semantic()).isEqualTo(SemanticOutcome.BUDGET_SPENT);
        } finally {
            release.countDown();
            other.join();
        }
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
