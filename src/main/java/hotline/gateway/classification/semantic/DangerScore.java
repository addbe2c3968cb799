package hotline.gateway.classification.semantic;

import java.util.Objects;

/**
 * How close a text comes to a described danger.
 *
 * @param score                cosine between the text and its nearest danger description
 * @param category             that description's category
 * @param nearestDescriptionId that description's id
 */
public record DangerScore(double score, String category, String nearestDescriptionId) {

    public DangerScore {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(nearestDescriptionId, "nearestDescriptionId");
    }
}
