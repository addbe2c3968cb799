package hotline.gateway.classification;

import hotline.gateway.classification.semantic.Embedders;
import hotline.gateway.classification.semantic.NeedModel;
import hotline.gateway.classification.semantic.SemanticClassifier;

/**
 * How the semantic stage decides, chosen on the tuning part's cross-validation (bench/classification.sh prints
 * the figures behind each value).
 *
 * @param minScore        the best need's score must reach this
 * @param minMargin       ... and beat the runner-up by this
 * @param neighbours      how many nearest examples of a need count in its score
 * @param centroidWeight  the share of the need's centroid in its score (the nearest examples have the rest)
 * @param dangerThreshold a danger hint is given at this similarity to a danger description
 * @param dangerExampleMargin ... or when a text comes this much nearer to the urgent danger examples than to the
 *                        others (see DangerExamples)
 * @param contestBelow    a need the dictionary named with a confidence below this is open to contest (0: never)
 * @param contestMargin   ... and the stage overturns it when its own need leads the runner-up by this
 */
public record SemanticSettings(
        double minScore,
        double minMargin,
        int neighbours,
        double centroidWeight,
        double dangerThreshold,
        double dangerExampleMargin,
        double contestBelow,
        double contestMargin) {

    /** The stage's need classifier with these thresholds. */
    public SemanticClassifier classifier(Embedders embedders, NeedModel model) {
        return new SemanticClassifier(embedders, model, minScore, minMargin, contestBelow, contestMargin);
    }
}
