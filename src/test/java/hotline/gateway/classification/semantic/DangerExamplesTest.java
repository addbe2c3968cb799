package hotline.gateway.classification.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import hotline.gateway.classification.NeedCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Danger examples with fixed vectors: the margin between the nearest urgent and the nearest other examples. */
class DangerExamplesTest {

    private static LabelledText example(String id, String text, boolean urgent) {
        return new LabelledText(id, text, NeedCode.EMERGENCY, urgent, "phrasing");
    }

    private static final List<LabelledText> EXAMPLES = List.of(
            example("u1", "楼道里有人拿刀砍人", true),
            example("u2", "邻居家冒黑烟有人喊救命", true),
            example("o1", "去年楼里着过一次火现在想问保险", false),
            example("o2", "想问问燃气安全检查什么时候来", false),
            example("u3", "he has a knife and is kicking my door", true));

    // Chinese space, two dimensions: 0 danger now, 1 danger words used safely.
    private final FakeEmbedder zh = new FakeEmbedder("fake-zh")
            .put("楼道里有人拿刀砍人", 1, 0)
            .put("邻居家冒黑烟有人喊救命", 0.8, 0.6)
            .put("去年楼里着过一次火现在想问保险", 0, 1)
            .put("想问问燃气安全检查什么时候来", 0.6, 0.8)
            .put("he has a knife and is kicking my door", 0.8, 0.6);
    // The English model reads only the example in Latin script: a Chinese text here would throw.
    private final FakeEmbedder en = new FakeEmbedder("fake-en").put("he has a knife and is kicking my door", 1, 0);
    private final Embedders embedders = Embedders.of(zh, en);

    private static TextVector zh(double... components) {
        return new TextVector(EmbeddingSpace.ZH, "fake-zh", FakeEmbedder.vector(components));
    }

    @Test
    void theMarginIsTheNearestUrgentLessTheNearestOther() {
        DangerExamples one = DangerExamples.build(embedders, EXAMPLES, 1);
        // (1, 0): nearest urgent 1.0, nearest other 0.6
        assertThat(one.margin(zh(1, 0))).isCloseTo(0.4, within(1e-6));
        // (0, 1): nearest urgent 0.6, nearest other 1.0
        assertThat(one.margin(zh(0, 1))).isCloseTo(-0.4, within(1e-6));
        // two nearest of each: urgent (1.0 + 0.8) / 2, other (0.6 + 0) / 2
        assertThat(DangerExamples.build(embedders, EXAMPLES, 2).margin(zh(1, 0)))
                .isCloseTo(0.6, within(1e-6));
        // more neighbours than examples: the mean of them all
        assertThat(DangerExamples.build(embedders, EXAMPLES, 9).margin(zh(1, 0)))
                .isCloseTo((1.0 + 0.8 + 0.8) / 3 - 0.3, within(1e-6));
    }

    @Test
    void theEnglishSpaceHoldsOnlyExamplesInLatinScriptAndWithoutOthersGivesNoMargin() {
        DangerExamples examples = DangerExamples.build(embedders, EXAMPLES, 1);
        assertThat(examples.size(EmbeddingSpace.ZH)).isEqualTo(5);
        assertThat(examples.size(EmbeddingSpace.EN)).isEqualTo(1);
        TextVector english = new TextVector(EmbeddingSpace.EN, "fake-en", FakeEmbedder.vector(1, 0));
        assertThat(examples.margin(english)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void theVectorsANeedModelHoldsForTheSameCallsServeWithoutEmbeddingThemAgain() {
        // the same Chinese vectors as above, a thank-you as a second need, and every text readable in English too
        FakeEmbedder zhAll = new FakeEmbedder("fake-zh").put("谢谢你们", 0.1, 0.9);
        FakeEmbedder enAll = new FakeEmbedder("fake-en").put("谢谢你们", 0.5, 0.5);
        double[][] chinese = {{1, 0}, {0.8, 0.6}, {0, 1}, {0.6, 0.8}, {0.8, 0.6}};
        for (int i = 0; i < EXAMPLES.size(); i++) {
            String text = EXAMPLES.get(i).text();
            zhAll.put(text, chinese[i]);
            enAll.put(
                    text, EmbeddingSpace.of(text) == EmbeddingSpace.EN ? new double[] {1, 0} : new double[] {0.5, 0.5});
        }
        Embedders all = Embedders.of(zhAll, enAll);
        List<LabelledText> learned = new java.util.ArrayList<>(EXAMPLES);
        learned.add(new LabelledText("t1", "谢谢你们", NeedCode.OTHER, false, "phrasing"));
        NeedModel model = NeedModel.build(all, learned);
        int embedded = zhAll.calls.get() + enAll.calls.get();

        DangerExamples reused = DangerExamples.build(all, EXAMPLES, 1, model::storedVector);

        assertThat(zhAll.calls.get() + enAll.calls.get()).isEqualTo(embedded);
        assertThat(reused.margin(zh(1, 0))).isCloseTo(0.4, within(1e-6));
        assertThat(reused.size(EmbeddingSpace.EN)).isEqualTo(1);
        // an example whose text changed since the model was built is embedded afresh
        LabelledText changed = example("o2", "去年楼里着过一次火现在想问保险", false);
        assertThat(model.storedVector(changed, EmbeddingSpace.ZH)).isEmpty();
        assertThat(model.storedVector(example("nobody", "谢谢你们", false), EmbeddingSpace.ZH))
                .isEmpty();
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> DangerExamples.build(embedders, EXAMPLES, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neighbours");
        assertThatThrownBy(() -> DangerExamples.build(embedders, EXAMPLES.subList(0, 2), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("urgent and non-urgent");
        DangerExamples examples = DangerExamples.build(embedders, EXAMPLES, 1);
        assertThatThrownBy(() -> examples.margin(new TextVector(EmbeddingSpace.ZH, "other", FakeEmbedder.vector(1, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other");
    }

    @Test
    void aDangerModelWithExamplesAlsoHintsWhereTheMarginIsReachedAndNamesTheNearestDescription() {
        FakeEmbedder zhD = new FakeEmbedder("fake-zh")
                .put("家里有很浓的煤气味", 0, 0, 1)
                .put("楼道里有人拿刀砍人", 1, 0, 0)
                .put("邻居家冒黑烟有人喊救命", 0.8, 0.6, 0)
                .put("去年楼里着过一次火现在想问保险", 0, 1, 0)
                .put("想问问燃气安全检查什么时候来", 0.6, 0.8, 0)
                .put("he has a knife and is kicking my door", 0.8, 0.6, 0);
        Embedders three = Embedders.of(
                zhD,
                new FakeEmbedder("fake-en").put("家里有很浓的煤气味", 0, 1).put("he has a knife and is kicking my door", 1, 0));
        DangerModel descriptions =
                DangerModel.build(three, List.of(new DangerDescription("danger:GAS:zh:1", "GAS", "家里有很浓的煤气味")), 0.8);
        TextVector nearUrgent = new TextVector(EmbeddingSpace.ZH, "fake-zh", FakeEmbedder.vector(1, 0, 0.2));
        TextVector nearSafe = new TextVector(EmbeddingSpace.ZH, "fake-zh", FakeEmbedder.vector(0, 1, 0.2));
        assertThat(descriptions.hint(nearUrgent)).isEmpty();

        DangerModel withExamples = descriptions.withExamples(DangerExamples.build(three, EXAMPLES, 1), 0.3);
        assertThat(withExamples.hint(nearUrgent)).hasValueSatisfying(hint -> {
            assertThat(hint.category()).isEqualTo("GAS");
            assertThat(hint.nearestDescriptionId()).isEqualTo("danger:GAS:zh:1");
            assertThat(hint.score()).isLessThan(0.8);
        });
        assertThat(withExamples.hint(nearSafe)).isEmpty();
        assertThat(descriptions
                        .withExamples(DangerExamples.build(three, EXAMPLES, 1), 0.5)
                        .hint(nearUrgent))
                .isEmpty();
        assertThatThrownBy(() -> descriptions.withExamples(DangerExamples.build(three, EXAMPLES, 1), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("margin");
    }
}
