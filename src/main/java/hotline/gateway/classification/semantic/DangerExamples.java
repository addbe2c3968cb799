package hotline.gateway.classification.semantic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Written calls whose urgency is known, embedded: for a text, how much nearer it comes to the urgent ones than to the
 * others. The margin is the mean similarity of the {@code neighbours} nearest urgent examples less that of the
 * nearest non-urgent ones. The non-urgent examples matter as much as the urgent: many are written to use danger words
 * safely (a fire last year, a question about gas safety), so a text that merely speaks of danger comes as close to
 * them as to the urgent ones. A text is compared in its own space; in the English space only with examples written in
 * Latin script, as the need model does. Immutable and thread-safe; scoring is arithmetic only.
 */
public final class DangerExamples {

    private final Map<EmbeddingSpace, float[][]> urgent;
    private final Map<EmbeddingSpace, float[][]> other;
    private final Map<EmbeddingSpace, String> modelIds;
    private final int neighbours;

    private DangerExamples(
            Map<EmbeddingSpace, float[][]> urgent,
            Map<EmbeddingSpace, float[][]> other,
            Map<EmbeddingSpace, String> modelIds,
            int neighbours) {
        this.urgent = urgent;
        this.other = other;
        this.modelIds = modelIds;
        this.neighbours = neighbours;
    }

    /**
     * Embeds the examples: every one in the Chinese space, those in Latin script in the English space too.
     *
     * @throws IllegalArgumentException when neighbours is below 1, or there is no urgent or no other example
     */
    public static DangerExamples build(Embedders embedders, Collection<LabelledText> examples, int neighbours) {
        return build(embedders, examples, neighbours, (example, space) -> Optional.empty());
    }

    /**
     * As {@link #build(Embedders, Collection, int)}, taking an example's vector from {@code known} where it has one
     * (what a need model built from the same calls holds: {@link NeedModel#storedVector}) and embedding the rest.
     */
    public static DangerExamples build(
            Embedders embedders,
            Collection<LabelledText> examples,
            int neighbours,
            BiFunction<LabelledText, EmbeddingSpace, Optional<float[]>> known) {
        Objects.requireNonNull(embedders, "embedders");
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1: " + neighbours);
        }
        if (examples.stream().noneMatch(LabelledText::urgent)
                || examples.stream().allMatch(LabelledText::urgent)) {
            throw new IllegalArgumentException("danger examples need urgent and non-urgent calls");
        }
        Map<EmbeddingSpace, float[][]> urgent = new EnumMap<>(EmbeddingSpace.class);
        Map<EmbeddingSpace, float[][]> other = new EnumMap<>(EmbeddingSpace.class);
        Map<EmbeddingSpace, String> modelIds = new EnumMap<>(EmbeddingSpace.class);
        for (EmbeddingSpace space : EmbeddingSpace.values()) {
            TextEmbedder embedder = embedders.embedder(space);
            modelIds.put(space, embedder.modelId());
            List<float[]> u = new ArrayList<>();
            List<float[]> o = new ArrayList<>();
            for (LabelledText example : examples) {
                if (space == EmbeddingSpace.ZH || EmbeddingSpace.of(example.text()) == space) {
                    float[] vector = known.apply(example, space).orElseGet(() -> embedder.embed(example.text()));
                    (example.urgent() ? u : o).add(Vectors.normalised(vector));
                }
            }
            urgent.put(space, u.toArray(float[][]::new));
            other.put(space, o.toArray(float[][]::new));
        }
        return new DangerExamples(urgent, other, modelIds, neighbours);
    }

    /**
     * How much nearer the text comes to the urgent examples than to the others (-2..2); negative infinity when its
     * space lacks either kind.
     *
     * @throws IllegalArgumentException when the vector is not of the model these examples were embedded by
     */
    public double margin(TextVector text) {
        Objects.requireNonNull(text, "text");
        if (!modelIds.get(text.space()).equals(text.modelId())) {
            throw new IllegalArgumentException("vector of model " + text.modelId() + ", but the danger examples in "
                    + text.space() + " were embedded by " + modelIds.get(text.space()));
        }
        float[][] u = urgent.get(text.space());
        float[][] o = other.get(text.space());
        if (u.length == 0 || o.length == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return meanOfNearest(text.vector(), u) - meanOfNearest(text.vector(), o);
    }

    /** The number of examples embedded in a space, urgent and not. */
    public int size(EmbeddingSpace space) {
        return urgent.get(space).length + other.get(space).length;
    }

    private double meanOfNearest(float[] vector, float[][] examples) {
        double[] top = new double[Math.min(neighbours, examples.length)]; // descending, as NeedModel keeps its own
        int count = 0;
        for (float[] example : examples) {
            Vectors.insertDescending(top, count, Vectors.dot(vector, example));
            count = Math.min(count + 1, top.length);
        }
        double sum = 0;
        for (double s : top) {
            sum += s;
        }
        return sum / top.length;
    }
}
