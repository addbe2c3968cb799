package hotline.gateway.classification.semantic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The danger taxonomy's descriptions, embedded: for a text, how close it comes to a described danger. Urgency
 * comes from the dictionary's rules and the operator's flag; this model only raises a hint for a person to look
 * at, when a text's nearest description is at least {@link #threshold()} similar, or, with written examples
 * ({@link #withExamples}), when it comes nearer to the urgent examples than to the others by at least the examples'
 * margin. The hint names the nearest description in either case.
 *
 * <p>Built like the {@link NeedModel}: every description embedded in both spaces, a text scored in its own.
 * The score is the cosine to the single nearest description (not to a category's centroid: a category such as
 * FALL covers distinct situations, and a text is in danger when it matches one of them). Immutable and
 * thread-safe; scoring is arithmetic only.
 */
public final class DangerModel {

    private static final EmbeddingSpace[] SPACES = EmbeddingSpace.values();

    private final List<DangerDescription> descriptions; // in id order
    private final Map<EmbeddingSpace, String> modelIds;
    private final Map<EmbeddingSpace, float[][]> vectors;
    private final double threshold;
    private final DangerExamples examples; // null: descriptions alone
    private final double exampleMargin;

    private DangerModel(
            List<DangerDescription> descriptions,
            Map<EmbeddingSpace, String> modelIds,
            Map<EmbeddingSpace, float[][]> vectors,
            double threshold,
            DangerExamples examples,
            double exampleMargin) {
        this.descriptions = descriptions;
        this.modelIds = modelIds;
        this.vectors = vectors;
        this.threshold = threshold;
        this.examples = examples;
        this.exampleMargin = exampleMargin;
    }

    /**
     * Embeds every description in both spaces.
     *
     * @param threshold a hint is raised when a text's score reaches this, within -1..1
     * @throws IllegalArgumentException when there are no descriptions, two share an id, or the threshold is out of
     *     range
     */
    public static DangerModel build(Embedders embedders, Collection<DangerDescription> descriptions, double threshold) {
        Objects.requireNonNull(embedders, "embedders");
        if (!(threshold >= -1 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be within -1..1: " + threshold);
        }
        List<DangerDescription> sorted = new ArrayList<>(descriptions);
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a danger model needs at least one description");
        }
        sorted.sort(Comparator.comparing(DangerDescription::id));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                throw new IllegalArgumentException(
                        "two danger descriptions with id " + sorted.get(i).id());
            }
        }
        Map<EmbeddingSpace, String> modelIds = new EnumMap<>(EmbeddingSpace.class);
        Map<EmbeddingSpace, float[][]> vectors = new EnumMap<>(EmbeddingSpace.class);
        for (EmbeddingSpace space : SPACES) {
            TextEmbedder embedder = embedders.embedder(space);
            modelIds.put(space, embedder.modelId());
            float[][] embedded = new float[sorted.size()][];
            for (int i = 0; i < sorted.size(); i++) {
                embedded[i] = Vectors.normalised(embedder.embed(sorted.get(i).text()));
                if (embedded[i].length != embedded[0].length) {
                    throw new IllegalArgumentException(
                            "danger description " + sorted.get(i).id() + ": dimension " + embedded[i].length
                                    + ", expected " + embedded[0].length);
                }
            }
            vectors.put(space, embedded);
        }
        return new DangerModel(
                List.copyOf(sorted),
                Collections.unmodifiableMap(modelIds),
                Collections.unmodifiableMap(vectors),
                threshold,
                null,
                Double.NaN);
    }

    /**
     * This model, also giving a hint where a text comes nearer to the urgent examples than to the others by at least
     * {@code margin}.
     */
    public DangerModel withExamples(DangerExamples examples, double margin) {
        Objects.requireNonNull(examples, "examples");
        if (!(margin >= -2 && margin <= 2)) {
            throw new IllegalArgumentException("margin must be within -2..2: " + margin);
        }
        return new DangerModel(descriptions, modelIds, vectors, threshold, examples, margin);
    }

    /**
     * The text's nearest description and its similarity (ties: the first id).
     *
     * @throws IllegalArgumentException when the vector is not of this model's model or dimension for its space
     */
    public DangerScore score(TextVector text) {
        Objects.requireNonNull(text, "text");
        if (!modelIds.get(text.space()).equals(text.modelId())) {
            throw new IllegalArgumentException("vector of model " + text.modelId() + ", but the danger descriptions"
                    + " in " + text.space() + " were embedded by " + modelIds.get(text.space()));
        }
        float[][] all = vectors.get(text.space());
        int nearest = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < all.length; i++) {
            double s = Vectors.dot(text.vector(), all[i]);
            if (s > best) {
                best = s;
                nearest = i;
            }
        }
        DangerDescription d = descriptions.get(nearest);
        return new DangerScore(best, d.category(), d.id());
    }

    /**
     * The {@link #score} when it reaches the {@link #threshold()}, or when the text comes near enough to the urgent
     * examples; otherwise empty.
     */
    public Optional<DangerScore> hint(TextVector text) {
        DangerScore score = score(text);
        boolean near = score.score() >= threshold || (examples != null && examples.margin(text) >= exampleMargin);
        return near ? Optional.of(score) : Optional.empty();
    }

    /** A hint is raised at or above this score. */
    public double threshold() {
        return threshold;
    }

    /** The number of descriptions. */
    public int size() {
        return descriptions.size();
    }

    /** The id of the model whose vectors this model holds for {@code space}. */
    public String modelId(EmbeddingSpace space) {
        return modelIds.get(space);
    }
}
