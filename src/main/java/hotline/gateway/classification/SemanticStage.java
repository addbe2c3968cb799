package hotline.gateway.classification;

import hotline.gateway.classification.semantic.DangerModel;
import hotline.gateway.classification.semantic.SemanticClassifier;

/** One version of the semantic stage in use: the need model with its thresholds, and the danger descriptions. */
public record SemanticStage(SemanticClassifier needs, DangerModel danger) {

    /** The need model's version, named on every ticket it classified. */
    public String version() {
        return needs.model().version();
    }
}
