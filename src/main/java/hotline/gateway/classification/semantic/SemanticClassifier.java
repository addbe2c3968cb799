package hotline.gateway.classification.semantic;

import hotline.gateway.classification.NeedCode;
import java.util.List;
import java.util.Objects;

/**
 * The semantic second stage: embeds a text in its space and scores it against a {@link NeedModel}. Pure: no
 * I/O, no state beyond its settings, thread-safe. The embedding is the expensive part (tens of milliseconds of
 * CPU); guard calls with an {@link EmbeddingBudget}.
 *
 * <p>A verdict is {@link SemanticVerdict#decided() decided} when all of these hold:
 * <ul>
 *   <li>the best need is not {@link NeedCode#OTHER} (the model's OTHER examples, thanks and off-topic calls,
 *       attract such texts; a best of OTHER means "not a need", and the request goes to triage);</li>
 *   <li>its score is at least {@link #minScore()};</li>
 *   <li>it leads the runner-up by at least {@link #minMargin()}.</li>
 * </ul>
 * Otherwise the caller keeps the dictionary's answer. Cosine similarities of the bge-small models are compressed
 * (unrelated texts still score 0.2 to 0.5, and English texts meet Chinese examples at 0.4 to 0.7 whatever they
 * say), so the margin matters more than the score. Set both from the city's labelled tickets: the share of held
 * out tickets decided and the share of those decided right, per threshold. With a toy model (five needs, two or
 * three hand-written examples each, a third of them English), eleven test calls all came out right, leading the
 * runner-up by 0.02 to 0.17 (the English ones by 0.02 to 0.09): a margin threshold trades calls decided for
 * calls decided right.
 *
 * <p>A need the dictionary named with a confidence below {@link #contestBelow()} is open to contest: the stage
 * {@link #overturns overturns} it when its own verdict is decided, names another need, and leads the runner-up by at
 * least {@link #contestMargin()}. A dictionary need at or above that confidence is never contested (the stage does
 * not run for it).
 */
public final class SemanticClassifier {

    /** At most this many nearest examples are given as evidence. */
    public static final int EVIDENCE = 3;

    private final Embedders embedders;
    private final NeedModel model;
    private final double minScore;
    private final double minMargin;
    private final double contestBelow;
    private final double contestMargin;

    /** A classifier that never contests a need the dictionary named. */
    public SemanticClassifier(Embedders embedders, NeedModel model, double minScore, double minMargin) {
        this(embedders, model, minScore, minMargin, 0, 2);
    }

    /**
     * @param embedders the models {@code model} was built with
     * @param model     what the labelled texts teach
     * @param minScore  the best need's score must reach this, within -1..1
     * @param minMargin the best need must lead the runner-up by at least this, within 0..2
     * @param contestBelow a need the dictionary named with a confidence below this is open to contest, within 0..1
     *     (0: never)
     * @param contestMargin the margin by which the stage's need must lead its runner-up to overturn the dictionary's,
     *     within 0..2
     * @throws IllegalArgumentException when {@code embedders} are not the models {@code model} was built with, or a
     *     threshold is out of range
     */
    public SemanticClassifier(
            Embedders embedders,
            NeedModel model,
            double minScore,
            double minMargin,
            double contestBelow,
            double contestMargin) {
        this.embedders = Objects.requireNonNull(embedders, "embedders");
        this.model = Objects.requireNonNull(model, "model");
        if (!(minScore >= -1 && minScore <= 1)) {
            throw new IllegalArgumentException("minScore must be within -1..1: " + minScore);
        }
        if (!(minMargin >= 0 && minMargin <= 2)) {
            throw new IllegalArgumentException("minMargin must be within 0..2: " + minMargin);
        }
        if (!(contestBelow >= 0 && contestBelow <= 1)) {
            throw new IllegalArgumentException("contestBelow must be within 0..1: " + contestBelow);
        }
        if (!(contestMargin >= 0 && contestMargin <= 2)) {
            throw new IllegalArgumentException("contestMargin must be within 0..2: " + contestMargin);
        }
        for (EmbeddingSpace space : EmbeddingSpace.values()) {
            String id = embedders.embedder(space).modelId();
            if (!id.equals(model.modelId(space))) {
                throw new IllegalArgumentException("need model " + model.version() + " holds " + space + " vectors of "
                        + model.modelId(space) + ", the embedder is " + id);
            }
        }
        this.minScore = minScore;
        this.minMargin = minMargin;
        this.contestBelow = contestBelow;
        this.contestMargin = contestMargin;
    }

    /** True when a need the dictionary named with this confidence is open to contest. */
    public boolean contests(double dictionaryConfidence) {
        return dictionaryConfidence < contestBelow;
    }

    /** True when {@code verdict} overturns the need the dictionary named (see the class comment). */
    public boolean overturns(SemanticVerdict verdict, NeedCode dictionaryNeed) {
        return verdict.decided() && verdict.best() != dictionaryNeed && verdict.margin() >= contestMargin;
    }

    /** Embeds {@code text} and classifies it; null or blank text gives {@code NOTHING_TO_CLASSIFY}. */
    public SemanticVerdict classify(String text) {
        if (text == null || text.isBlank()) {
            return new SemanticVerdict(
                    NeedCode.OTHER,
                    0,
                    NeedCode.OTHER,
                    0,
                    0,
                    SemanticVerdict.Decision.NOTHING_TO_CLASSIFY,
                    EmbeddingSpace.ZH,
                    List.of(),
                    List.of(),
                    model.version());
        }
        return classify(embedders.embed(text));
    }

    /**
     * Classifies a text already embedded (by {@link #embedders()}), so that the same vector can also go to a
     * {@link DangerModel}.
     */
    public SemanticVerdict classify(TextVector text) {
        NeedModel.Evaluation evaluation = model.evaluate(text, EVIDENCE);
        List<NeedScore> scores = evaluation.scores();
        NeedScore best = scores.get(0);
        NeedScore runnerUp = scores.get(1); // a model has at least two needs
        double margin = best.score() - runnerUp.score();
        SemanticVerdict.Decision decision;
        if (best.need() == NeedCode.OTHER) {
            decision = SemanticVerdict.Decision.BEST_IS_OTHER;
        } else if (best.score() < minScore) {
            decision = SemanticVerdict.Decision.SCORE_TOO_LOW;
        } else if (margin < minMargin) {
            decision = SemanticVerdict.Decision.MARGIN_TOO_SMALL;
        } else {
            decision = SemanticVerdict.Decision.DECIDED;
        }
        return new SemanticVerdict(
                best.need(),
                best.score(),
                runnerUp.need(),
                runnerUp.score(),
                margin,
                decision,
                text.space(),
                evaluation.nearest(),
                scores,
                model.version());
    }

    public Embedders embedders() {
        return embedders;
    }

    public NeedModel model() {
        return model;
    }

    public double minScore() {
        return minScore;
    }

    public double minMargin() {
        return minMargin;
    }

    public double contestBelow() {
        return contestBelow;
    }

    public double contestMargin() {
        return contestMargin;
    }
}
