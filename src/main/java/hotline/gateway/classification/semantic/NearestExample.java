package hotline.gateway.classification.semantic;

import hotline.gateway.classification.NeedCode;
import java.util.Objects;

/**
 * A labelled example or description near a text: evidence that names it by id and need, never by its text.
 *
 * @param id         the {@link LabelledText#id()}
 * @param need       its need
 * @param similarity cosine between it and the text
 */
public record NearestExample(String id, NeedCode need, double similarity) {

    public NearestExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(need, "need");
    }
}
