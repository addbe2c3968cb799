package hotline.gateway.classification.semantic;

import static hotline.gateway.classification.NeedCode.MEDICAL;
import static hotline.gateway.classification.NeedCode.OTHER;
import static hotline.gateway.classification.NeedCode.URBAN_MANAGEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.fail;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.classification.semantic.BgeSmallEmbedders.Failed;
import hotline.gateway.classification.semantic.BgeSmallEmbedders.LoadResult;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real models. Skipped, with the reason, only where the native runtime cannot load (a platform the jars carry
 * no library for, no writable directory to extract it to); any other load failure fails.
 */
class BgeSmallEmbeddersTest {

    private static LoadResult result;
    private static BgeSmallEmbedders embedders;

    @BeforeAll
    static void load() {
        result = BgeSmallEmbedders.load();
        embedders = result.loaded().orElse(null);
    }

    /** Each test, so that each is reported skipped with the reason. */
    @BeforeEach
    void modelsLoaded() {
        if (result instanceof Failed failed) {
            Assumptions.assumeFalse(
                    failed.nativeRuntime(),
                    () -> "skipped: the models' native runtime cannot load here: " + failed.reason());
            fail("the models did not load, and not for want of a native runtime: " + failed.reason(), failed.cause());
        }
    }

    /** The binding's private call that {@link OnnxEnvironmentHold} reaches is still there (OnnxShutdownTest: why). */
    @Test
    void onnxRuntimesEnvironmentIsHeldUntilTheProcessExits() {
        assertThat(result).isInstanceOf(BgeSmallEmbedders.Loaded.class);
        assertThat(((BgeSmallEmbedders.Loaded) result).shutdownHazard()).isEmpty();
    }

    @Test
    void aChineseAndAnEnglishParaphraseOfANeedAreNearerToItThanToAnUnrelatedOne() {
        List<LabelledText> examples = List.of(
                example("t1", "母亲患癌症住院化疗，自费部分太多，家里负担不起", MEDICAL),
                example("t2", "My mother has cancer and the hospital bills are more than we can pay", MEDICAL),
                example("t3", "楼下工地夜间施工，噪音太大，影响休息", URBAN_MANAGEMENT),
                example(
                        "t4",
                        "There is construction noise every night and rubbish piling up in the street",
                        URBAN_MANAGEMENT),
                example("t5", "谢谢你们上次的帮助，问题已经解决了", OTHER),
                example("t6", "Thank you, the problem has been solved, nothing else", OTHER));
        SemanticClassifier classifier = new SemanticClassifier(embedders, NeedModel.build(embedders, examples), 0, 0);
        String chinese = "爸爸住院开刀花了好几万，家里实在拿不出钱";
        String english = "My dad had surgery and we owe the hospital a lot of money";

        for (String paraphrase : List.of(chinese, english)) {
            SemanticVerdict verdict = classifier.classify(paraphrase);
            assertThat(verdict.best()).as(paraphrase).isEqualTo(MEDICAL);
            assertThat(score(verdict, MEDICAL)).as(paraphrase).isGreaterThan(score(verdict, URBAN_MANAGEMENT));
        }
        assertThat(classifier.classify(chinese).space()).isEqualTo(EmbeddingSpace.ZH);
        assertThat(classifier.classify(english).space()).isEqualTo(EmbeddingSpace.EN);

        // Across languages, in the Chinese model (which reads English too): each paraphrase is nearer to the other
        // than to an unrelated text in the other's language.
        TextEmbedder zh = embedders.embedder(EmbeddingSpace.ZH);
        double paraphrases = cosine(zh, chinese, english);
        assertThat(paraphrases).isGreaterThan(cosine(zh, chinese, "There is construction noise every night"));
        assertThat(paraphrases).isGreaterThan(cosine(zh, english, "楼下工地夜间施工，噪音太大"));
    }

    @Test
    void vectorsAreNormalisedDeterministicAndOfEachModelsDimension() {
        float[] zh = embedders.embedder(EmbeddingSpace.ZH).embed("老人独居，需要助餐");
        float[] en = embedders.embedder(EmbeddingSpace.EN).embed("An elderly man living alone needs meals");
        assertThat(zh).hasSize(512);
        assertThat(en).hasSize(384);
        assertThat(Vectors.dot(zh, zh)).isCloseTo(1, within(1e-5));
        assertThat(Vectors.dot(en, en)).isCloseTo(1, within(1e-5));
        assertThat(embedders.embedder(EmbeddingSpace.ZH).embed("老人独居，需要助餐")).isEqualTo(zh);
        assertThat(embedders.embedder(EmbeddingSpace.ZH).modelId())
                .startsWith("bge-small-zh-v1.5-q/")
                .endsWith(":0.36.2");
        assertThat(embedders.embedder(EmbeddingSpace.EN).modelId()).startsWith("bge-small-en-v1.5-q/");
        assertThatThrownBy(() -> embedders.embedder(EmbeddingSpace.ZH).embed(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongTextIsEmbeddedAsItsFirst510Tokens() {
        // 23 characters, each one token for the Chinese model
        String text = "老人独居行动不便一日三餐成问题希望街道安排助餐".repeat(60);
        TextEmbedder zh = embedders.embedder(EmbeddingSpace.ZH);
        assertThat(Vectors.dot(zh.embed(text), zh.embed(text.substring(0, 510))))
                .isCloseTo(1, within(1e-5));

        String english =
                "The caller says her elderly father lives alone and can no longer cook for himself. ".repeat(60);
        TextEmbedder en = embedders.embedder(EmbeddingSpace.EN);
        assertThat(Vectors.dot(en.embed(english), en.embed(english.substring(0, 1500))))
                .isGreaterThan(0.98);
    }

    private static LabelledText example(String id, String text, NeedCode need) {
        return LabelledText.of(id, text, need, "test");
    }

    private static double score(SemanticVerdict verdict, NeedCode need) {
        return verdict.scores().stream()
                .filter(s -> s.need() == need)
                .findFirst()
                .orElseThrow()
                .score();
    }

    private static double cosine(TextEmbedder embedder, String a, String b) {
        return Vectors.dot(embedder.embed(a), embedder.embed(b));
    }
}
