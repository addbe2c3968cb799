package hotline.gateway.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every request body must be before its schema is applied, wherever a value sits: text that PostgreSQL can
 * store (no NUL character, no unpaired surrogate) and finite numbers. A null field counts as absent and is dropped;
 * a value refused here is dropped too, so that its schema does not name it a second time.
 */
final class StorableJson {

    private StorableJson() {}

    /** Cleans the body in place and adds a refusal per value it drops. */
    static void clean(ObjectNode body, List<FieldError> errors) {
        cleanObject(body, "", errors);
    }

    private static void cleanObject(ObjectNode object, String prefix, List<FieldError> errors) {
        List<String> drop = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                drop.add(field.getKey());
                continue;
            }
            String problem = problem(value);
            if (problem != null) {
                errors.add(new FieldError(path, problem));
                drop.add(field.getKey());
            } else if (value instanceof ObjectNode child) {
                cleanObject(child, path + ".", errors);
            } else if (value instanceof ArrayNode array) {
                cleanArray(array, path, errors);
            }
        }
        object.remove(drop);
    }

    private static void cleanArray(ArrayNode array, String path, List<FieldError> errors) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String itemPath = path + "[" + i + "]";
            String problem = problem(item);
            if (problem != null) {
                errors.add(new FieldError(itemPath, problem));
                array.set(i, NullNode.getInstance());
            } else if (item instanceof ObjectNode child) {
                cleanObject(child, itemPath + ".", errors);
            } else if (item instanceof ArrayNode nested) {
                cleanArray(nested, itemPath, errors);
            }
        }
    }

    private static String problem(JsonNode value) {
        if (value.isTextual()) {
            return unstorable(value.textValue());
        }
        if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
            // 1e400 overflows a double to infinity; NaN and Infinity (read as numbers) are refused here too.
            return "must be a finite number";
        }
        return null;
    }

    /**
     * Why PostgreSQL could not store the text as sent, or null: a NUL character (it refuses them), or an unpaired
     * surrogate (the JSON escape of U+D800 without its partner: not Unicode, it would be stored as '?').
     */
    static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "must not contain a NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text: it has an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ")";
            }
        }
        return null;
    }
}
