package hotline.gateway.classification.semantic;

import static hotline.gateway.classification.NeedCode.HOUSING;
import static hotline.gateway.classification.NeedCode.MEDICAL;
import static hotline.gateway.classification.NeedCode.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.classification.semantic.SemanticVerdict.Decision;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemanticClassifierTest {

    // Four dimensions: 0 medical, 1 housing, 2 thanks / off-topic, 3 anything else.
    private static final List<LabelledText> EXAMPLES = List.of(
            LabelledText.of("t-med-1", "住院费用付不起", MEDICAL, "ticket"),
            LabelledText.of("t-med-2", "慢性病买药困难", MEDICAL, "ticket"),
            LabelledText.of("desc:MEDICAL:en:1", "cannot pay hospital bills", MEDICAL, "description"),
            LabelledText.of("t-hou-1", "房租交不起要被赶出去", HOUSING, "ticket"),
            LabelledText.of("t-hou-2", "房屋漏水没地方住", HOUSING, "ticket"),
            LabelledText.of("t-oth-1", "谢谢你们的帮助", OTHER, "ticket"),
            LabelledText.of("desc:OTHER:en:1", "thank you, nothing else", OTHER, "description"));

    private final FakeEmbedder zh = new FakeEmbedder("fake-zh")
            .put("住院费用付不起", 1, 0.1, 0, 0)
            .put("慢性病买药困难", 1, 0, 0.1, 0)
            .put("cannot pay hospital bills", 0.9, 0, 0, 0.3)
            .put("房租交不起要被赶出去", 0.1, 1, 0, 0)
            .put("房屋漏水没地方住", 0, 1, 0, 0.1)
            .put("谢谢你们的帮助", 0, 0, 1, 0)
            .put("thank you, nothing else", 0, 0, 0.9, 0.3)
            // texts to classify
            .put("老人住院没钱", 1, 0, 0, 0)
            .put("住院还要交房租", 1, 1, 0, 0)
            .put("问一下天气", 0.3, 0, 0, 1)
            .put("太感谢了", 0, 0, 1, 0.05);
    private final FakeEmbedder en = new FakeEmbedder("fake-en")
            .put("住院费用付不起", 0, 0, 1)
            .put("慢性病买药困难", 0, 0, 1)
            .put("cannot pay hospital bills", 1, 0, 0)
            .put("房租交不起要被赶出去", 0, 0, 1)
            .put("房屋漏水没地方住", 0, 0, 1)
            .put("谢谢你们的帮助", 0, 0, 1)
            .put("thank you, nothing else", 0, 1, 0)
            .put("my mother is in hospital and we have no money", 0.95, 0.05, 0.3);
    private final Embedders embedders = Embedders.of(zh, en);
    private final NeedModel model = NeedModel.build(embedders, EXAMPLES);
    private final SemanticClassifier classifier = new SemanticClassifier(embedders, model, 0.5, 0.1);

    @Test
    void aClearBestNeedDecides() {
        SemanticVerdict verdict = classifier.classify("老人住院没钱");

        assertThat(verdict.best()).isEqualTo(MEDICAL);
        assertThat(verdict.decided()).isTrue();
        assertThat(verdict.decision()).isEqualTo(Decision.DECIDED);
        assertThat(verdict.score()).isGreaterThan(0.9);
        assertThat(verdict.runnerUp()).isEqualTo(HOUSING);
        assertThat(verdict.margin()).isCloseTo(verdict.score() - verdict.runnerUpScore(), within(1e-12));
        assertThat(verdict.margin()).isGreaterThan(0.5);
        assertThat(verdict.space()).isEqualTo(EmbeddingSpace.ZH);
        assertThat(verdict.scores()).extracting(NeedScore::need).containsExactly(MEDICAL, HOUSING, OTHER);
        assertThat(verdict.modelVersion()).isEqualTo(model.version());
    }

    @Test
    void twoNeedsAlikeDoNotDecide() {
        SemanticVerdict verdict = classifier.classify("住院还要交房租");

        assertThat(verdict.best()).isIn(MEDICAL, HOUSING);
        assertThat(verdict.runnerUp()).isIn(MEDICAL, HOUSING);
        assertThat(verdict.score()).isGreaterThan(0.5);
        assertThat(verdict.margin()).isLessThan(0.1);
        assertThat(verdict.decided()).isFalse();
        assertThat(verdict.decision()).isEqualTo(Decision.MARGIN_TOO_SMALL);
    }

    @Test
    void theSameTextDecidesWithASmallerRequiredMargin() {
        SemanticVerdict verdict = new SemanticClassifier(embedders, model, 0.5, 0.0).classify("住院还要交房租");
        assertThat(verdict.decided()).isTrue();
    }

    @Test
    void aLowBestScoreDoesNotDecideHoweverClearItsLead() {
        SemanticVerdict verdict = classifier.classify("问一下天气");

        assertThat(verdict.best()).isEqualTo(MEDICAL);
        assertThat(verdict.score()).isLessThan(0.5);
        assertThat(verdict.margin()).isGreaterThan(0.1);
        assertThat(verdict.decision()).isEqualTo(Decision.SCORE_TOO_LOW);
    }

    @Test
    void otherIsNeverDecidedEvenWithoutThresholds() {
        SemanticClassifier lenient = new SemanticClassifier(embedders, model, -1, 0);
        SemanticVerdict verdict = lenient.classify("太感谢了");

        assertThat(verdict.best()).isEqualTo(OTHER);
        assertThat(verdict.score()).isGreaterThan(0.9);
        assertThat(verdict.margin()).isGreaterThan(0.5);
        assertThat(verdict.decided()).isFalse();
        assertThat(verdict.decision()).isEqualTo(Decision.BEST_IS_OTHER);
    }

    @Test
    void evidenceIsAtMostThreeNearestExamplesByIdAndNeedWithoutText() {
        SemanticVerdict verdict = classifier.classify("老人住院没钱");

        assertThat(verdict.evidence()).hasSize(SemanticClassifier.EVIDENCE);
        assertThat(verdict.evidence())
                .extracting(NearestExample::id)
                .containsExactly("t-med-1", "t-med-2", "desc:MEDICAL:en:1");
        assertThat(verdict.evidence()).extracting(NearestExample::need).containsOnly(MEDICAL);
        assertThat(verdict.evidence())
                .extracting(NearestExample::similarity)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // nothing in the verdict repeats an example's text
        String shown = verdict.toString();
        for (LabelledText example : EXAMPLES) {
            assertThat(shown).doesNotContain(example.text());
        }
    }

    @Test
    void anEnglishTextIsScoredInTheEnglishSpace() {
        SemanticVerdict verdict = classifier.classify("my mother is in hospital and we have no money");

        assertThat(verdict.space()).isEqualTo(EmbeddingSpace.EN);
        assertThat(verdict.best()).isEqualTo(MEDICAL);
        assertThat(verdict.evidence().get(0).id()).isEqualTo("desc:MEDICAL:en:1");
        assertThat(zh.calls.get()).isEqualTo(EXAMPLES.size()); // only the examples, at build time
    }

    @Test
    void blankTextIsNotEmbedded() {
        int before = zh.calls.get() + en.calls.get();
        for (String blank : new String[] {null, "", " \n\t"}) {
            SemanticVerdict verdict = classifier.classify(blank);
            assertThat(verdict.decision()).isEqualTo(Decision.NOTHING_TO_CLASSIFY);
            assertThat(verdict.best()).isEqualTo(OTHER);
            assertThat(verdict.decided()).isFalse();
            assertThat(verdict.evidence()).isEmpty();
        }
        assertThat(zh.calls.get() + en.calls.get()).isEqualTo(before);
    }

    @Test
    void theEmbeddersMustBeTheModelsOfTheNeedModel() {
        Embedders other = Embedders.of(new FakeEmbedder("another-zh"), en);
        assertThatThrownBy(() -> new SemanticClassifier(other, model, 0.5, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another-zh")
                .hasMessageContaining(model.version());
    }

    @Test
    void thresholdsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new SemanticClassifier(embedders, model, 1.5, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SemanticClassifier(embedders, model, 0.5, -0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SemanticClassifier(embedders, model, Double.NaN, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SemanticClassifier(embedders, model, 0.5, 0.1, 1.1, 0.02))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contestBelow");
        assertThatThrownBy(() -> new SemanticClassifier(embedders, model, 0.5, 0.1, 0.9, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contestMargin");
    }

    @Test
    void aContestOverturnsOnlyBelowItsConfidenceAndWithADecidedOtherNeedByItsMargin() {
        SemanticClassifier contesting = new SemanticClassifier(embedders, model, 0.5, 0.0, 0.9, 0.05);
        assertThat(contesting.contests(0.89)).isTrue();
        assertThat(contesting.contests(0.9)).isFalse();
        assertThat(classifier.contests(0.1))
                .as("a classifier without a contest level")
                .isFalse();
        SemanticVerdict decided = verdict(MEDICAL, 0.06, Decision.DECIDED);
        assertThat(contesting.overturns(decided, HOUSING)).isTrue();
        assertThat(contesting.overturns(decided, MEDICAL)).as("the same need").isFalse();
        assertThat(contesting.overturns(verdict(MEDICAL, 0.04, Decision.DECIDED), HOUSING))
                .as("a margin below the contest's")
                .isFalse();
        assertThat(contesting.overturns(verdict(MEDICAL, 0.3, Decision.SCORE_TOO_LOW), HOUSING))
                .as("not decided")
                .isFalse();
    }

    private static SemanticVerdict verdict(NeedCode best, double margin, Decision decision) {
        return new SemanticVerdict(
                best, 0.7, OTHER, 0.7 - margin, margin, decision, EmbeddingSpace.ZH, List.of(), List.of(), "v1");
    }
}
