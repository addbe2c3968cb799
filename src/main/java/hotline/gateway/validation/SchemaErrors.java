package hotline.gateway.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema's failures in the gateway's words: one {@link FieldError} per keyword that failed, under the field's
 * path as clients know it ({@code caller.idNumber}, {@code household.members[0].age}), with a message a person
 * understands. A field's {@code x-message} in its schema says what its pattern, or a conditional requirement, means.
 */
final class SchemaErrors {

    private final SchemaDocuments documents;

    SchemaErrors(SchemaDocuments documents) {
        this.documents = documents;
    }

    /** A failure translated, with how much it says: when a field fails several keywords, the lowest rank is named. */
    record Translated(FieldError error, int rank) {}

    Translated translate(Error error) {
        String field = path(error.getInstanceLocation());
        JsonNode value = error.getSchemaNode();
        JsonNode parent = parent(error.getSchemaLocation());
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "type" -> new Translated(new FieldError(field, typeMessage(value)), 0);
            case "required" -> {
                String property = error.getProperty();
                String path = field.isEmpty() ? property : field + "." + property;
                yield new Translated(new FieldError(path, message(parent, "is required")), 0);
            }
            case "maxLength" ->
                new Translated(new FieldError(field, "must be at most " + value.asText() + " characters"), 2);
            case "minLength" ->
                new Translated(new FieldError(field, "must be at least " + value.asText() + " characters"), 2);
            case "minimum", "maximum" -> new Translated(new FieldError(field, range(parent, keyword)), 3);
            case "maxItems" ->
                new Translated(
                        new FieldError(field, message(parent, "must have at most " + value.asText() + " items")), 3);
            case "minItems" ->
                new Translated(
                        new FieldError(field, message(parent, "must have at least " + value.asText() + " items")), 3);
            case "pattern" -> {
                String message = message(parent, "must match " + value.asText());
                // "must not be blank" says more than the field's own pattern, which a blank text fails too.
                yield new Translated(new FieldError(field, message), message.equals(BLANK) ? 1 : 4);
            }
            case "format" -> new Translated(new FieldError(field, formatMessage(value, error.getInstanceNode())), 5);
            case "enum" -> new Translated(new FieldError(field, "must be one of " + join(value)), 6);
            default -> new Translated(new FieldError(field, error.getMessage()), 7);
        };
    }

    static final String BLANK = "must not be blank";

    /** {@code /household/members/0/age} → {@code household.members[0].age}. */
    static String path(NodePath location) {
        StringBuilder path = new StringBuilder();
        if (location == null) {
            return "";
        }
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(element);
            }
        }
        return path.toString();
    }

    /** The schema object that holds the keyword that failed. */
    private JsonNode parent(SchemaLocation location) {
        if (location == null || location.getAbsoluteIri() == null) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        NodePath fragment = location.getFragment();
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < fragment.getNameCount() - 1; i++) {
            pointer.append('/')
                    .append(String.valueOf(fragment.getElement(i))
                            .replace("~", "~0")
                            .replace("/", "~1"));
        }
        return documents.at(location.getAbsoluteIri().toString(), pointer.toString());
    }

    private static String message(JsonNode schema, String otherwise) {
        JsonNode message = schema.get("x-message");
        return message != null && message.isTextual() ? message.textValue() : otherwise;
    }

    private static String range(JsonNode schema, String keyword) {
        JsonNode minimum = schema.get("minimum");
        JsonNode maximum = schema.get("maximum");
        if (minimum != null && maximum != null) {
            return "must be between " + minimum.asText() + " and " + maximum.asText();
        }
        return keyword.equals("minimum")
                ? "must be at least " + (minimum == null ? "?" : minimum.asText())
                : "must be at most " + (maximum == null ? "?" : maximum.asText());
    }

    private static String typeMessage(JsonNode type) {
        String name = type.isArray() && !type.isEmpty() ? type.get(0).asText() : type.asText();
        return switch (name) {
            case "string" -> "must be a string";
            case "integer" -> "must be a whole number";
            case "number" -> "must be a number";
            case "boolean" -> "must be true or false";
            case "object" -> "must be an object";
            case "array" -> "must be an array";
            default -> "must be of type " + name;
        };
    }

    private static String formatMessage(JsonNode format, JsonNode instance) {
        String name = format.asText();
        String problem = instance != null && instance.isTextual()
                ? RequestFormat.named(name)
                        .map(known -> known.problem(instance.textValue()))
                        .orElse(null)
                : null;
        return problem != null ? problem : "must be a valid " + name;
    }

    private static String join(JsonNode values) {
        List<String> names = new ArrayList<>();
        values.forEach(value -> names.add(value.asText()));
        return String.join(", ", names);
    }
}
