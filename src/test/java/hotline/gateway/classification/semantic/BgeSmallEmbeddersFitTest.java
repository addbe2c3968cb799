package hotline.gateway.classification.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.classification.semantic.BgeSmallEmbedders.Failed;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What {@link BgeSmallEmbedders} decides without loading a model: cutting long texts, naming load failures. */
class BgeSmallEmbeddersFitTest {

    @Nested
    class Fit {

        /** A character per token, as the models read Chinese. */
        private final BgeSmallEmbedders.TokenCounter perCharacter = text -> text.codePointCount(0, text.length()) + 2;

        @Test
        void aShortTextIsKeptWithoutCountingItsTokens() {
            AtomicInteger counted = new AtomicInteger();
            String text = "来电人反映父亲82岁独居".repeat(42); // 504 characters
            assertThat(BgeSmallEmbedders.fit(text, t -> {
                        counted.incrementAndGet();
                        return 9999;
                    }))
                    .isSameAs(text);
            assertThat(counted).hasValue(0);
        }

        @Test
        void aLongTextIsCutToItsFirst510Tokens() {
            String text = "老人独居行动不便一日三餐成问题希望街道安排助餐".repeat(40); // 920 characters
            String fitted = BgeSmallEmbedders.fit(text, perCharacter);
            assertThat(fitted).hasSize(510);
            assertThat(text).startsWith(fitted);
        }

        @Test
        void aTextOfManyTokensPerCharacterIsCutUntilItFits() {
            // three tokens per character: at most 170 characters fit
            BgeSmallEmbedders.TokenCounter dense = t -> 3 * t.codePointCount(0, t.length()) + 2;
            String fitted = BgeSmallEmbedders.fit("abcdefghij".repeat(100), dense);
            assertThat(dense.count(fitted)).isLessThanOrEqualTo(BgeSmallEmbedders.MAX_TOKENS);
            assertThat(fitted.length()).isBetween(150, 170);
        }

        @Test
        void aVeryLongTextIsCutToMaxCharsBeforeCounting() {
            AtomicInteger longest = new AtomicInteger();
            BgeSmallEmbedders.fit("word ".repeat(10_000), t -> {
                longest.accumulateAndGet(t.length(), Math::max);
                return t.length() / 5 + 2; // a token per word
            });
            assertThat(longest.get()).isLessThanOrEqualTo(BgeSmallEmbedders.MAX_CHARS);
        }

        @Test
        void aSurrogatePairIsNeverSplit() {
            String text = "😀".repeat(600);
            String fitted = BgeSmallEmbedders.fit(text, perCharacter);
            assertThat(fitted.codePointCount(0, fitted.length())).isEqualTo(510);
            assertThat(fitted).isEqualTo("😀".repeat(510));
        }
    }

    @Nested
    class LoadFailure {

        @Test
        void aNativeLibraryThatDoesNotLoadIsANativeRuntimeFailure() {
            Failed failed = Failed.of(
                    "bge-small-zh-v1.5",
                    new ExceptionInInitializerError(new UnsatisfiedLinkError(
                            "/tmp/onnxruntime-java123/libonnxruntime.so: libstdc++.so.6: version `GLIBCXX_3.4.29'"
                                    + " not found")));
            assertThat(failed.nativeRuntime()).isTrue();
            assertThat(failed.reason())
                    .startsWith("bge-small-zh-v1.5 could not be loaded: java.lang.ExceptionInInitializerError")
                    .contains("java.lang.UnsatisfiedLinkError: /tmp/onnxruntime-java123/libonnxruntime.so");
            assertThat(failed.loaded()).isEmpty();
            assertThat(failed.failure()).contains(failed.reason());
        }

        @Test
        void aClassThatFailedToInitialiseBeforeIsANativeRuntimeFailure() {
            assertThat(Failed.of(
                                    "m",
                                    new NoClassDefFoundError(
                                            "Could not initialize class ai.onnxruntime.OrtEnvironment"))
                            .nativeRuntime())
                    .isTrue();
            assertThat(Failed.of("m", new NoClassDefFoundError("com/sun/jna/Native"))
                            .nativeRuntime())
                    .isTrue();
            assertThat(Failed.of(
                                    "m",
                                    new RuntimeException(
                                            "Failed to load onnx-runtime library", new IOException("no space left")))
                            .nativeRuntime())
                    .isTrue();
        }

        @Test
        void anythingElseIsNot() {
            // a model file missing from the class path: the library reads a null stream
            Failed failed = Failed.of(
                    "bge-small-en-v1.5",
                    new ExceptionInInitializerError(new RuntimeException(new NullPointerException())));
            assertThat(failed.nativeRuntime()).isFalse();
            assertThat(failed.reason())
                    .isEqualTo("bge-small-en-v1.5 could not be loaded: java.lang.ExceptionInInitializerError"
                            + " <- java.lang.RuntimeException <- java.lang.NullPointerException");
            assertThat(Failed.of("m", new NoClassDefFoundError("dev/langchain4j/data/embedding/Embedding"))
                            .nativeRuntime())
                    .isFalse();
        }
    }
}
