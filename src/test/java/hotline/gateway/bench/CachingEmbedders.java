package hotline.gateway.bench;

import hotline.gateway.classification.semantic.Embedders;
import hotline.gateway.classification.semantic.EmbeddingSpace;
import hotline.gateway.classification.semantic.TextEmbedder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real embedders with each text embedded once: the benchmark classifies the same calls under many settings,
 * and embedding is the expensive part. Vectors can be kept in a file between runs (keyed by model id and text);
 * texts named as not to be kept (the frozen test set) stay in memory only.
 */
final class CachingEmbedders implements Embedders {

    private final Embedders real;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    private final Map<EmbeddingSpace, TextEmbedder> cached = new ConcurrentHashMap<>();

    CachingEmbedders(Embedders real) {
        this.real = real;
    }

    @Override
    public TextEmbedder embedder(EmbeddingSpace space) {
        return cached.computeIfAbsent(space, s -> {
            TextEmbedder embedder = real.embedder(s);
            return new TextEmbedder() {
                @Override
                public float[] embed(String text) {
                    return vectors.computeIfAbsent(key(embedder.modelId(), text), k -> embedder.embed(text));
                }

                @Override
                public String modelId() {
                    return embedder.modelId();
                }
            };
        });
    }

    private static String key(String modelId, String text) {
        return modelId + '\u0000' + text;
    }

    /** Reads vectors kept by an earlier run (none when the file is missing). */
    void load(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                float[] vector = new float[in.readInt()];
                for (int j = 0; j < vector.length; j++) {
                    vector[j] = in.readFloat();
                }
                vectors.put(key, vector);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Keeps the vectors of every text embedded so far except {@code notKept}. */
    void save(Path file, Set<String> notKept) {
        try {
            Files.createDirectories(file.getParent());
            Map<String, float[]> kept = new java.util.HashMap<>();
            vectors.forEach((key, vector) -> {
                if (!notKept.contains(key.substring(key.indexOf('\u0000') + 1))) {
                    kept.put(key, vector);
                }
            });
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
                out.writeInt(kept.size());
                for (Map.Entry<String, float[]> e : kept.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
