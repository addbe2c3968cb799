package hotline.gateway.classification.semantic;

import java.util.Objects;

/**
 * A description of one dangerous situation in the danger taxonomy, for the {@link DangerModel}: for example
 * {@code ("danger:GAS:zh:1", "GAS", "家里闻到很浓的煤气味")}. Write several per category and language, each a
 * concrete situation as a caller would put it.
 *
 * @param id       unique within a model
 * @param category the taxonomy's category (GAS, FIRE, FALL, SELF_HARM, NO_FOOD, ...)
 * @param text     the situation
 */
public record DangerDescription(String id, String category, String text) {

    public DangerDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(text, "text");
        if (id.isBlank() || category.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("id, category and text must not be blank: " + id);
        }
    }
}
