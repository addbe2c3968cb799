package hotline.gateway.classification.semantic;

/**
 * A sentence embedding model: text in, a vector out. Texts with similar meaning get vectors with a high cosine
 * similarity; since the vectors are L2-normalised, the cosine is their dot product.
 *
 * <p>Implementations must be thread-safe and deterministic (the same text gives the same vector), and every
 * vector of one embedder has the same dimension.
 */
public interface TextEmbedder {

    /**
     * The embedding of {@code text}, L2-normalised (length 1).
     *
     * @throws IllegalArgumentException when {@code text} is null or blank
     */
    float[] embed(String text);

    /**
     * Identifies the model and everything that changes its vectors (weights, quantization, library version).
     * Vectors are only comparable between embedders with equal model ids; a {@link NeedModel} records the ids it
     * was built with and refuses vectors of another model.
     */
    String modelId();
}
