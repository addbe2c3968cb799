package hotline.gateway.classification.semantic;

import java.util.Objects;

/**
 * A text's embedding in the space chosen for it, with the id of the model that made it. Embed a text once
 * ({@link Embedders#embed}) and score the vector with the {@link NeedModel} and the {@link DangerModel}: the
 * embedding is the expensive part.
 *
 * @param space   the space the text was embedded in
 * @param modelId the {@link TextEmbedder#modelId()} of that space's model
 * @param vector  the L2-normalised embedding (not copied: do not change it)
 */
public record TextVector(EmbeddingSpace space, String modelId, float[] vector) {

    public TextVector {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(vector, "vector");
        if (vector.length == 0) {
            throw new IllegalArgumentException("empty vector");
        }
    }

    /** The number of dimensions. */
    public int dimension() {
        return vector.length;
    }
}
