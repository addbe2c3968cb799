package hotline.gateway.classification.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DangerModelTest {

    private static final List<DangerDescription> DESCRIPTIONS = List.of(
            new DangerDescription("danger:GAS:zh:1", "GAS", "家里有很浓的煤气味"),
            new DangerDescription("danger:FALL:zh:1", "FALL", "老人摔倒在地起不来"),
            new DangerDescription("danger:FALL:en:1", "FALL", "an old man fell and cannot get up"));

    // Three dimensions: 0 gas, 1 a fall, 2 anything else.
    private final FakeEmbedder zh = new FakeEmbedder("fake-zh")
            .put("家里有很浓的煤气味", 1, 0, 0)
            .put("老人摔倒在地起不来", 0, 1, 0)
            .put("an old man fell and cannot get up", 0, 0.8, 0.6);
    private final FakeEmbedder en = new FakeEmbedder("fake-en")
            .put("家里有很浓的煤气味", 0, 1)
            .put("老人摔倒在地起不来", 0, 1)
            .put("an old man fell and cannot get up", 1, 0);
    private final Embedders embedders = Embedders.of(zh, en);
    private final DangerModel model = DangerModel.build(embedders, DESCRIPTIONS, 0.8);

    private static TextVector zh(double... components) {
        return new TextVector(EmbeddingSpace.ZH, "fake-zh", FakeEmbedder.vector(components));
    }

    @Test
    void theScoreIsTheSimilarityOfTheNearestDescription() {
        // cos((0.6, 0.8, 0), gas (1, 0, 0)) = 0.6; cos(.., fall (0, 1, 0)) = 0.8; cos(.., fall en) = 0.64
        DangerScore score = model.score(zh(0.6, 0.8, 0));
        assertThat(score.score()).isCloseTo(0.8, within(1e-6));
        assertThat(score.category()).isEqualTo("FALL");
        assertThat(score.nearestDescriptionId()).isEqualTo("danger:FALL:zh:1");
    }

    @Test
    void aHintIsRaisedAtOrAboveTheThresholdOnly() {
        assertThat(model.hint(zh(1, 0.1, 0))).hasValueSatisfying(hint -> {
            assertThat(hint.category()).isEqualTo("GAS");
            assertThat(hint.nearestDescriptionId()).isEqualTo("danger:GAS:zh:1");
            assertThat(hint.score()).isGreaterThan(0.99);
        });
        // cos = 0.8 exactly (in float arithmetic just around it): at the threshold of a model set 0.001 lower
        assertThat(DangerModel.build(embedders, DESCRIPTIONS, 0.799).hint(zh(0.6, 0.8, 0)))
                .isPresent();
        assertThat(DangerModel.build(embedders, DESCRIPTIONS, 0.801).hint(zh(0.6, 0.8, 0)))
                .isEmpty();
        // (0.5, 0.5, -0.7) / 0.995: gas 0.50, fall 0.50, fall en -0.02
        DangerScore weak = model.score(zh(0.5, 0.5, -0.7));
        assertThat(weak.score()).isCloseTo(0.5 / Math.sqrt(0.99), within(1e-6));
        assertThat(model.hint(zh(0.5, 0.5, -0.7))).isEmpty();
        assertThat(model.hint(zh(0, 0, 1))).isEmpty();
    }

    @Test
    void anEnglishTextMeetsTheDescriptionsInTheEnglishSpace() {
        TextVector english = new TextVector(EmbeddingSpace.EN, "fake-en", FakeEmbedder.vector(1, 0.1));
        DangerScore score = model.score(english);
        assertThat(score.nearestDescriptionId()).isEqualTo("danger:FALL:en:1");
        assertThat(model.hint(english)).isPresent();
    }

    @Test
    void descriptionsAreCheckedAndVectorsOfAnotherModelRefused() {
        assertThatThrownBy(() -> DangerModel.build(embedders, List.of(), 0.8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DangerModel.build(embedders, List.of(DESCRIPTIONS.get(0), DESCRIPTIONS.get(0)), 0.8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("danger:GAS:zh:1");
        assertThatThrownBy(() -> DangerModel.build(embedders, DESCRIPTIONS, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.score(new TextVector(EmbeddingSpace.ZH, "other", new float[] {1, 0, 0})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
