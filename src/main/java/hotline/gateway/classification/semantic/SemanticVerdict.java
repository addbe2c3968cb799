package hotline.gateway.classification.semantic;

import hotline.gateway.classification.NeedCode;
import java.util.List;
import java.util.Objects;

/**
 * The semantic stage's answer for one text.
 *
 * @param best          the need with the highest score
 * @param score         its score
 * @param runnerUp      the need with the second highest score
 * @param runnerUpScore its score
 * @param margin        {@code score - runnerUpScore}, at least 0
 * @param decision      whether the best need decided, or why not
 * @param space         the space the text was embedded in
 * @param evidence      the labelled examples and descriptions nearest to the text, most similar first, at most
 *                      {@link SemanticClassifier#EVIDENCE}: ids and needs, never their text
 * @param scores        every need's score, best first (for explanation and tuning)
 * @param modelVersion  the {@link NeedModel#version()} that scored it
 */
public record SemanticVerdict(
        NeedCode best,
        double score,
        NeedCode runnerUp,
        double runnerUpScore,
        double margin,
        Decision decision,
        EmbeddingSpace space,
        List<NearestExample> evidence,
        List<NeedScore> scores,
        String modelVersion) {

    /** Why a verdict decided or did not; the first that applies, in this order. */
    public enum Decision {
        /** The text was blank: nothing was embedded, best and runner-up are OTHER with score 0. */
        NOTHING_TO_CLASSIFY,
        /** The best need is OTHER (thanks, information, off-topic): not decided, the request goes to triage. */
        BEST_IS_OTHER,
        /** The best score is below the classifier's minimum score. */
        SCORE_TOO_LOW,
        /** The best need does not lead the runner-up by the classifier's minimum margin. */
        MARGIN_TOO_SMALL,
        /** The best need is decided. */
        DECIDED
    }

    public SemanticVerdict {
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(runnerUp, "runnerUp");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(modelVersion, "modelVersion");
        evidence = List.copyOf(evidence);
        scores = List.copyOf(scores);
    }

    /** True when the best need decided: margin, minimum score and not OTHER (see {@link SemanticClassifier}). */
    public boolean decided() {
        return decision == Decision.DECIDED;
    }
}
