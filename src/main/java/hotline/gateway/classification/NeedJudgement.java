package hotline.gateway.classification;

import hotline.gateway.classification.semantic.DangerScore;
import hotline.gateway.classification.semantic.NearestExample;
import java.util.List;
import java.util.Objects;

/**
 * How a request's needs were decided: the classification (its needs, confidence, dictionary terms and the urgency
 * the rules read from the text), which stage decided, and what the semantic stage saw.
 *
 * @param nearest      the labelled examples and need descriptions nearest to the text, by id and need (never their
 *                     text); empty unless the semantic stage ran
 * @param dangerHint   the nearest danger description when the text comes close to one though no rule made it
 *                     urgent: for a person to look at; it never changes the priority. Null otherwise
 * @param modelVersion the semantic model version that read the text; null unless the stage ran
 */
public record NeedJudgement(
        Classification classification,
        ClassificationMethod method,
        SemanticOutcome semantic,
        List<NearestExample> nearest,
        DangerScore dangerHint,
        String modelVersion) {

    public NeedJudgement {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(semantic, "semantic");
        nearest = List.copyOf(nearest);
    }

    /** The dictionary's answer alone. */
    public static NeedJudgement dictionary(Classification classification, SemanticOutcome semantic) {
        return new NeedJudgement(classification, ClassificationMethod.DICTIONARY, semantic, List.of(), null, null);
    }
}
