package hotline.gateway.classification.semantic;

import hotline.gateway.classification.NeedCode;
import java.util.Objects;

/**
 * A need's semantic score for one text (see {@link NeedModel} for the formula).
 *
 * @param need                the need
 * @param score               the blend of the two similarities below, -1..1 (in practice 0..1)
 * @param centroidSimilarity  cosine between the text and the need's centroid
 * @param neighbourSimilarity mean cosine between the text and the need's nearest examples
 */
public record NeedScore(NeedCode need, double score, double centroidSimilarity, double neighbourSimilarity) {

    public NeedScore {
        Objects.requireNonNull(need, "need");
    }
}
