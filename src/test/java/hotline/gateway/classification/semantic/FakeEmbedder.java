package hotline.gateway.classification.semantic;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link TextEmbedder} that knows fixed vectors for fixed texts, and counts its calls. */
final class FakeEmbedder implements TextEmbedder {

    private final String modelId;
    private final Map<String, float[]> vectors = new HashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    FakeEmbedder(String modelId) {
        this.modelId = modelId;
    }

    /** Teaches it {@code text}'s vector (normalised here). */
    FakeEmbedder put(String text, double... components) {
        vectors.put(text, vector(components));
        return this;
    }

    @Override
    public float[] embed(String text) {
        calls.incrementAndGet();
        float[] v = vectors.get(text);
        if (v == null) {
            throw new IllegalArgumentException("fake embedder does not know '" + text + "'");
        }
        return v.clone();
    }

    @Override
    public String modelId() {
        return modelId;
    }

    /** A normalised vector. */
    static float[] vector(double... components) {
        float[] v = new float[components.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) components[i];
        }
        return Vectors.normalised(v);
    }
}
