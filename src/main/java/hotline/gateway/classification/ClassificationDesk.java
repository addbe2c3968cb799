package hotline.gateway.classification;

import hotline.gateway.jurisdiction.OfficeCode;
import hotline.gateway.security.Actor;
import hotline.gateway.validation.HttpProblemException;

/** What the city desk may ask of the classifier: a model refresh now, rather than at night. */
public final class ClassificationDesk {

    private final SemanticModels models;
    private final boolean enabled;

    public ClassificationDesk(SemanticModels models, boolean enabled) {
        this.models = models;
        this.enabled = enabled;
    }

    public ModelRefresh refresh(Actor actor) {
        if (actor == null || !(actor.system() || OfficeCode.CITY.equals(actor.office()))) {
            throw new HttpProblemException(
                    403, "Not the city desk", null, "only the city desk refreshes the classification model");
        }
        if (!enabled) {
            throw new HttpProblemException(
                    409, "Semantic stage off", null, "hotline.classification.semantic.enabled is false");
        }
        return models.refreshIfAvailable()
                .orElseThrow(() -> new HttpProblemException(
                        503, "Semantic stage not available", null, "the embedding models are not loaded here"));
    }
}
