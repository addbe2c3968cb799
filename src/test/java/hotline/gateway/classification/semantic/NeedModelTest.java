package hotline.gateway.classification.semantic;

import static hotline.gateway.classification.NeedCode.HOUSING;
import static hotline.gateway.classification.NeedCode.MEDICAL;
import static hotline.gateway.classification.NeedCode.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NeedModelTest {

    // Two-dimensional vectors whose cosines are easy to follow: a = (1, 0), b = (0.6, 0.8), c = (0, 1).
    private static final LabelledText A = LabelledText.of("t1", "a", MEDICAL, "ticket");
    private static final LabelledText B = LabelledText.of("t2", "b", MEDICAL, "ticket");
    private static final LabelledText C = LabelledText.of("t3", "c", HOUSING, "ticket");
    private static final List<LabelledText> EXAMPLES = List.of(A, B, C);

    private final FakeEmbedder zh = new FakeEmbedder("fake-zh")
            .put("a", 1, 0)
            .put("b", 0.6, 0.8)
            .put("c", 0, 1)
            .put("d", 0.8, -0.6);
    // The English space has its own (three-dimensional) vectors for the same texts.
    private final FakeEmbedder en = new FakeEmbedder("fake-en")
            .put("a", 0, 0, 1)
            .put("b", 0, 1, 0)
            .put("c", 1, 0, 0)
            .put("d", 1, 1, 0);
    private final Embedders embedders = Embedders.of(zh, en);

    private static TextVector zhVector(double... components) {
        return new TextVector(EmbeddingSpace.ZH, "fake-zh", FakeEmbedder.vector(components));
    }

    @Nested
    class Scoring {

        @Test
        void aNeedsScoreBlendsTheCentroidAndTheMeanOfItsNearestExamples() {
            NeedModel model = NeedModel.build(embedders, EXAMPLES, 2, 0.5);
            List<NeedScore> scores = model.score(zhVector(1, 0));

            // MEDICAL: centroid = normalise((1 + 0.6, 0 + 0.8) / 2) = (0.894, 0.447), cosine 0.894;
            // its two nearest examples: a 1.0 and b 0.6, mean 0.8; score = 0.5 * 0.894 + 0.5 * 0.8
            assertThat(scores).extracting(NeedScore::need).containsExactly(MEDICAL, HOUSING);
            NeedScore medical = scores.get(0);
            assertThat(medical.centroidSimilarity()).isCloseTo(2 / Math.sqrt(5), within(1e-6));
            assertThat(medical.neighbourSimilarity()).isCloseTo(0.8, within(1e-6));
            assertThat(medical.score()).isCloseTo(0.5 * 2 / Math.sqrt(5) + 0.5 * 0.8, within(1e-6));
            // HOUSING: its only example c is orthogonal to the text
            assertThat(scores.get(1).score()).isCloseTo(0, within(1e-6));
        }

        @Test
        void kAndTheCentroidWeightAreSettings() {
            // k = 1, w = 0: the nearest example alone
            assertThat(NeedModel.build(embedders, EXAMPLES, 1, 0)
                            .score(zhVector(1, 0))
                            .get(0)
                            .score())
                    .isCloseTo(1.0, within(1e-6));
            // w = 1: the centroid alone
            NeedModel centroidOnly = NeedModel.build(embedders, EXAMPLES).withScoring(3, 1);
            assertThat(centroidOnly.score(zhVector(1, 0)).get(0).score()).isCloseTo(2 / Math.sqrt(5), within(1e-6));
            // more neighbours than examples: the mean over those there are
            assertThat(NeedModel.build(embedders, EXAMPLES, 10, 0)
                            .score(zhVector(1, 0))
                            .get(0)
                            .score())
                    .isCloseTo(0.8, within(1e-6));
        }

        @Test
        void aTextIsScoredInItsOwnSpace() {
            NeedModel model = NeedModel.build(embedders, EXAMPLES, 1, 0);
            // in the English space, c = (1, 0, 0) is HOUSING
            TextVector english = new TextVector(EmbeddingSpace.EN, "fake-en", FakeEmbedder.vector(1, 0, 0));
            assertThat(model.score(english).get(0).need()).isEqualTo(HOUSING);
            assertThat(model.nearest(english, 1)).containsExactly(new NearestExample("t3", HOUSING, 1.0));
        }

        @Test
        void nearestExamplesAreTheMostSimilarWhateverTheirNeed() {
            NeedModel model = NeedModel.build(embedders, EXAMPLES);
            List<NearestExample> nearest = model.nearest(zhVector(0.6, 0.8), 3);
            assertThat(nearest).extracting(NearestExample::id).containsExactly("t2", "t3", "t1");
            assertThat(nearest).extracting(NearestExample::need).containsExactly(MEDICAL, HOUSING, MEDICAL);
            assertThat(nearest.get(0).similarity()).isCloseTo(1.0, within(1e-6));
            assertThat(model.nearest(zhVector(1, 0), 10)).hasSize(3);
            assertThat(model.nearest(zhVector(1, 0), 0)).isEmpty();
        }

        @Test
        void aVectorOfAnotherModelOrDimensionIsRefused() {
            NeedModel model = NeedModel.build(embedders, EXAMPLES);
            assertThatThrownBy(() -> model.score(new TextVector(EmbeddingSpace.ZH, "other", new float[] {1, 0})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("other")
                    .hasMessageContaining("fake-zh");
            assertThatThrownBy(() -> model.score(zhVector(1, 0, 0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dimension 3, expected 2");
        }
    }

    @Nested
    class Building {

        @Test
        void everyExampleIsEmbeddedInBothSpaces() {
            NeedModel model = NeedModel.build(embedders, EXAMPLES);
            assertThat(zh.calls).hasValue(3);
            assertThat(en.calls).hasValue(3);
            assertThat(model.dimension(EmbeddingSpace.ZH)).isEqualTo(2);
            assertThat(model.dimension(EmbeddingSpace.EN)).isEqualTo(3);
            assertThat(model.modelId(EmbeddingSpace.EN)).isEqualTo("fake-en");
            assertThat(model.needs()).containsExactly(MEDICAL, HOUSING);
            assertThat(model.exampleCounts()).containsExactly(entry(MEDICAL, 2), entry(HOUSING, 1));
            assertThat(model.ids()).containsExactly("t1", "t2", "t3");
        }

        @Test
        void aModelNeedsTwoNeedsAndDistinctIds() {
            assertThatThrownBy(() -> NeedModel.build(embedders, List.of(A, B)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least two needs");
            assertThatThrownBy(() ->
                            NeedModel.build(embedders, List.of(A, C, LabelledText.of("t1", "b", MEDICAL, "desk"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("two examples with id t1");
            assertThatThrownBy(() -> NeedModel.build(embedders, EXAMPLES, 0, 0.5))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> NeedModel.build(embedders, EXAMPLES, 3, 1.5))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void anEmbeddingOfAnotherDimensionIsRefused() {
            zh.put("d", 1, 0, 0);
            List<LabelledText> examples = List.of(A, C, LabelledText.of("t4", "d", MEDICAL, "ticket"));
            assertThatThrownBy(() -> NeedModel.build(embedders, examples))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("t4")
                    .hasMessageContaining("dimension 3, expected 2");
        }

        @Test
        void withEmbedsOnlyTheAddedAndReplacesByIdAndWithoutRemoves() {
            NeedModel model = NeedModel.build(embedders, List.of(A, C));
            zh.calls.set(0);
            // a desk correction: t4 is new; t3 is relabelled
            LabelledText d = LabelledText.of("t4", "d", OTHER, "desk");
            LabelledText c2 = LabelledText.of("t3", "c", OTHER, "desk");
            NeedModel corrected = model.with(embedders, List.of(d, c2));
            assertThat(zh.calls).hasValue(2);
            assertThat(corrected.ids()).containsExactly("t1", "t3", "t4");
            assertThat(corrected.exampleCounts()).containsExactly(entry(MEDICAL, 1), entry(OTHER, 2));
            assertThat(corrected.version())
                    .isEqualTo(NeedModel.build(embedders, List.of(A, c2, d)).version());
            assertThat(corrected.score(zhVector(0.8, -0.6)))
                    .isEqualTo(NeedModel.build(embedders, List.of(A, c2, d)).score(zhVector(0.8, -0.6)));

            NeedModel smaller = corrected.without(List.of("t4", "unknown"));
            assertThat(smaller.ids()).containsExactly("t1", "t3");
            assertThat(smaller.version())
                    .isEqualTo(NeedModel.build(embedders, List.of(A, c2)).version());
            assertThatThrownBy(() -> smaller.without(List.of("t3")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least two needs");
        }

        @Test
        void withRefusesOtherModels() {
            NeedModel model = NeedModel.build(embedders, EXAMPLES);
            Embedders other = Embedders.of(new FakeEmbedder("fake-zh-2").put("d", 1, 0), en);
            assertThatThrownBy(() -> model.with(other, List.of(LabelledText.of("t4", "d", OTHER, "desk"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("fake-zh-2");
        }
    }

    @Nested
    class Version {

        private final String version = NeedModel.build(embedders, EXAMPLES).version();

        @Test
        void isTwelveHexDigitsAndTheSameForTheSameExamplesInAnyOrder() {
            assertThat(version).matches("[0-9a-f]{12}");
            List<LabelledText> shuffled = new ArrayList<>(EXAMPLES);
            Collections.reverse(shuffled);
            assertThat(NeedModel.build(embedders, shuffled).version()).isEqualTo(version);
            assertThat(NeedModel.build(embedders, EXAMPLES).version()).isEqualTo(version);
        }

        @Test
        void changesWithAnyExamplesIdTextNeedOrFlagAndWithTheModels() {
            assertThat(versionWith(LabelledText.of("t9", "c", HOUSING, "ticket")))
                    .isNotEqualTo(version);
            assertThat(versionWith(LabelledText.of("t3", "d", HOUSING, "ticket")))
                    .isNotEqualTo(version);
            assertThat(versionWith(LabelledText.of("t3", "c", OTHER, "ticket"))).isNotEqualTo(version);
            assertThat(versionWith(new LabelledText("t3", "c", HOUSING, true, "ticket")))
                    .isNotEqualTo(version);
            FakeEmbedder renamed = new FakeEmbedder("fake-en-v2")
                    .put("a", 0, 0, 1)
                    .put("b", 0, 1, 0)
                    .put("c", 1, 0, 0);
            assertThat(NeedModel.build(Embedders.of(zh, renamed), EXAMPLES).version())
                    .isNotEqualTo(version);
        }

        @Test
        void doesNotDependOnTheScoringSettings() {
            assertThat(NeedModel.build(embedders, EXAMPLES, 1, 0.2).version()).isEqualTo(version);
        }

        private String versionWith(LabelledText third) {
            return NeedModel.build(embedders, List.of(A, B, third)).version();
        }
    }

    @Nested
    class Bytes {

        private final NeedModel model = NeedModel.build(
                embedders,
                List.of(
                        A,
                        B,
                        new LabelledText("desc:HOUSING:zh:1", "c", HOUSING, true, "description"),
                        LabelledText.of("20261129-0000001", "d", OTHER, "desk")),
                2,
                0.3);

        @Test
        void aModelReadBackScoresAsTheOriginal() {
            byte[] bytes = model.toBytes();
            NeedModel read = NeedModel.fromBytes(bytes, 2, 0.3);

            assertThat(read.version()).isEqualTo(model.version());
            assertThat(read.ids()).isEqualTo(model.ids());
            assertThat(read.exampleCounts()).isEqualTo(model.exampleCounts());
            for (EmbeddingSpace space : EmbeddingSpace.values()) {
                assertThat(read.modelId(space)).isEqualTo(model.modelId(space));
                assertThat(read.dimension(space)).isEqualTo(model.dimension(space));
            }
            for (TextVector text : List.of(
                    zhVector(1, 0),
                    zhVector(-0.3, 0.7),
                    new TextVector(EmbeddingSpace.EN, "fake-en", FakeEmbedder.vector(1, 1, 1)))) {
                assertThat(read.score(text)).isEqualTo(model.score(text));
                assertThat(read.nearest(text, 3)).isEqualTo(model.nearest(text, 3));
            }
            assertThat(read.toBytes()).isEqualTo(bytes);
        }

        @Test
        void theBytesHoldNoText() {
            NeedModel model = NeedModel.build(
                    Embedders.of(
                            new FakeEmbedder("zh").put("张三 13800138000 需要低保", 1, 0),
                            new FakeEmbedder("en").put("张三 13800138000 需要低保", 0, 1)),
                    List.of(
                            LabelledText.of("x", "张三 13800138000 需要低保", MEDICAL, "ticket"),
                            LabelledText.of("y", "张三 13800138000 需要低保", HOUSING, "ticket")));
            String asText = new String(model.toBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(asText).doesNotContain("13800138000").doesNotContain("张三");
        }

        @Test
        void theScoringSettingsAreChosenOnReading() {
            NeedModel read = NeedModel.fromBytes(model.toBytes());
            assertThat(read.neighbours()).isEqualTo(NeedModel.DEFAULT_NEIGHBOURS);
            assertThat(read.centroidWeight()).isEqualTo(NeedModel.DEFAULT_CENTROID_WEIGHT);
            assertThat(read.version()).isEqualTo(model.version());
        }

        @Test
        void damagedTruncatedOrForeignBytesAreRefused() {
            byte[] bytes = model.toBytes();
            for (int at : new int[] {9, bytes.length / 2, bytes.length - 40, bytes.length - 1}) {
                byte[] damaged = bytes.clone();
                damaged[at] ^= 1;
                assertThatThrownBy(() -> NeedModel.fromBytes(damaged))
                        .as("byte %d flipped", at)
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThatThrownBy(() -> NeedModel.fromBytes(Arrays.copyOf(bytes, bytes.length - 10)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("checksum");
            assertThatThrownBy(() -> NeedModel.fromBytes("{\"not\": \"a model\"} and more text to be long enough"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a need model");
            assertThatThrownBy(() -> NeedModel.fromBytes(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static <K, V> java.util.Map.Entry<K, V> entry(K key, V value) {
        return java.util.Map.entry(key, value);
    }

    @Nested
    class Languages {

        // 甲 and 乙 are Chinese examples, m and h English ones; in the EN space 甲 lies exactly on the English call.
        private final FakeEmbedder zhModel = new FakeEmbedder("fake-zh")
                .put("甲", 1, 0)
                .put("m", 0, 1)
                .put("h", 0.6, 0.8)
                .put("乙", 0.8, 0.6);
        private final FakeEmbedder enModel = new FakeEmbedder("fake-en")
                .put("甲", 1, 0, 0)
                .put("m", 0, 0, 1)
                .put("h", 0, 1, 0)
                .put("乙", 0.8, 0.6, 0);
        private final List<LabelledText> examples = List.of(
                LabelledText.of("e1", "甲", MEDICAL, "ticket"),
                LabelledText.of("e2", "m", MEDICAL, "ticket"),
                LabelledText.of("e3", "h", HOUSING, "ticket"),
                LabelledText.of("e4", "乙", OTHER, "ticket"));

        private NeedModel model() {
            return NeedModel.build(Embedders.of(zhModel, enModel), examples, 1, 0);
        }

        private double score(List<NeedScore> scores, hotline.gateway.classification.NeedCode need) {
            return scores.stream()
                    .filter(s -> s.need() == need)
                    .findFirst()
                    .orElseThrow()
                    .score();
        }

        @Test
        void anEnglishCallMeetsOnlyTheExamplesWrittenInLatinScript() {
            TextVector english = new TextVector(EmbeddingSpace.EN, "fake-en", FakeEmbedder.vector(1, 0, 0));
            List<NeedScore> scores = model().score(english);

            // MEDICAL's Chinese example 甲 would score 1.0; only its English example m counts: 0
            assertThat(score(scores, MEDICAL)).isCloseTo(0, within(1e-6));
            // OTHER has no English example at all: its Chinese one counts rather than leaving the need unscored
            assertThat(score(scores, OTHER)).isCloseTo(0.8, within(1e-6));
            assertThat(model().nearest(english, 4))
                    .extracting(NearestExample::id)
                    .doesNotContain("e1");
        }

        @Test
        void aChineseCallMeetsEveryExample() {
            TextVector chinese = new TextVector(EmbeddingSpace.ZH, "fake-zh", FakeEmbedder.vector(1, 0));
            assertThat(score(model().score(chinese), MEDICAL)).isCloseTo(1.0, within(1e-6));
            assertThat(model().nearest(chinese, 1))
                    .extracting(NearestExample::id)
                    .containsExactly("e1");
        }

        @Test
        void theLanguagesAreKeptInTheBytes() {
            NeedModel model = model();
            TextVector english = new TextVector(EmbeddingSpace.EN, "fake-en", FakeEmbedder.vector(1, 0, 0));
            NeedModel read = NeedModel.fromBytes(model.toBytes(), 1, 0);

            assertThat(read.version()).isEqualTo(model.version());
            assertThat(read.score(english)).isEqualTo(model.score(english));
            // with 甲 written in Latin script instead, the English call meets it
            FakeEmbedder zhLatin =
                    new FakeEmbedder("fake-zh").put("jia", 1, 0).put("m", 0, 1).put("h", 0.6, 0.8);
            FakeEmbedder enLatin = new FakeEmbedder("fake-en")
                    .put("jia", 1, 0, 0)
                    .put("m", 0, 0, 1)
                    .put("h", 0, 1, 0);
            NeedModel latin = NeedModel.build(
                    Embedders.of(zhLatin.put("乙", 0.8, 0.6), enLatin.put("乙", 0.8, 0.6, 0)),
                    List.of(
                            LabelledText.of("e1", "jia", MEDICAL, "ticket"),
                            examples.get(1),
                            examples.get(2),
                            examples.get(3)),
                    1,
                    0);
            assertThat(latin.score(english).get(0).need()).isEqualTo(MEDICAL);
        }
    }
}
