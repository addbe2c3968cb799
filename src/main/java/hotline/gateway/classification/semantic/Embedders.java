package hotline.gateway.classification.semantic;

import java.util.Objects;

/**
 * One {@link TextEmbedder} per {@link EmbeddingSpace}. {@link BgeSmallEmbedders} is the real pair; tests and
 * tools make one from any two embedders with {@link #of}.
 */
public interface Embedders {

    /** The embedder of {@code space}. */
    TextEmbedder embedder(EmbeddingSpace space);

    /** The space {@code text} is embedded in: {@link EmbeddingSpace#of}. */
    default EmbeddingSpace space(String text) {
        return EmbeddingSpace.of(text);
    }

    /**
     * Embeds {@code text} in its space.
     *
     * @throws IllegalArgumentException when {@code text} is null or blank
     */
    default TextVector embed(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("nothing to embed: text is blank");
        }
        EmbeddingSpace space = space(text);
        TextEmbedder embedder = embedder(space);
        return new TextVector(space, embedder.modelId(), embedder.embed(text));
    }

    /** The pair of {@code zh} (for {@link EmbeddingSpace#ZH}) and {@code en} (for {@link EmbeddingSpace#EN}). */
    static Embedders of(TextEmbedder zh, TextEmbedder en) {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
        return space -> switch (space) {
            case ZH -> zh;
            case EN -> en;
        };
    }
}
