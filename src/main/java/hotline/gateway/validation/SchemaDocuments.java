package hotline.gateway.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request schemas as JSON trees, by their {@code $id}: what the messages of a refusal read beside the keyword
 * that failed (a field's {@code x-message}, the other bound of a range), and what matches an enum's values without
 * regard to case.
 */
final class SchemaDocuments {

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();
    /** Every $ref of the documents, resolved once (by the identity of the schema object that holds it). */
    private final Map<JsonNode, Target> refs = new IdentityHashMap<>();

    SchemaDocuments(String classpathFolder, List<String> names) {
        ObjectMapper mapper = new ObjectMapper();
        for (String name : names) {
            String resource = classpathFolder + name + ".schema.json";
            try (InputStream in = SchemaDocuments.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no schema " + resource + " on the class path");
                }
                JsonNode document = mapper.readTree(in);
                documents.put(document.path("$id").asText(), document);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + resource, e);
            }
        }
        documents.forEach((id, document) -> resolveRefs(document, id));
    }

    /** The schema object at a JSON pointer (e.g. {@code /properties/callId}) of a document; missing when none. */
    JsonNode at(String documentId, String pointer) {
        JsonNode document = documents.get(documentId);
        return document == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : document.at(pointer);
    }

    /**
     * Rewrites, in place, every text of the instance that the schema constrains to an enum and that matches one of
     * its values without regard to case into that value (wechat → WECHAT), following $ref, allOf, properties and
     * items.
     */
    void normalizeEnums(JsonNode instance, String documentId) {
        normalize(instance, documents.get(documentId), documentId, 0);
    }

    /** A $ref resolved: the schema it names and the document that holds it. */
    private record Target(JsonNode schema, String documentId) {}

    private void resolveRefs(JsonNode node, String documentId) {
        if (node.isObject() && node.has("$ref")) {
            String resolved =
                    URI.create(documentId).resolve(node.get("$ref").asText()).toString();
            int hash = resolved.indexOf('#');
            String id = hash < 0 ? resolved : resolved.substring(0, hash);
            JsonNode document = documents.get(id);
            if (document != null) {
                refs.put(node, new Target(document.at(hash < 0 ? "" : resolved.substring(hash + 1)), id));
            }
        }
        for (JsonNode child : node) {
            resolveRefs(child, documentId);
        }
    }

    private JsonNode normalize(JsonNode instance, JsonNode schema, String documentId, int depth) {
        if (schema == null || !schema.isObject() || depth > 32) {
            return instance;
        }
        JsonNode result = instance;
        if (schema.has("$ref")) {
            Target target = refs.get(schema);
            if (target != null) {
                result = normalize(result, target.schema(), target.documentId(), depth + 1);
            }
        }
        for (JsonNode part : schema.path("allOf")) {
            result = normalize(result, part, documentId, depth + 1);
        }
        if (result.isTextual() && schema.has("enum")) {
            for (JsonNode value : schema.get("enum")) {
                if (value.isTextual()
                        && !value.textValue().equals(result.textValue())
                        && value.textValue()
                                .toUpperCase(Locale.ROOT)
                                .equals(result.textValue().toUpperCase(Locale.ROOT))) {
                    return TextNode.valueOf(value.textValue());
                }
            }
        }
        if (result instanceof ObjectNode object && schema.has("properties")) {
            schema.get("properties").properties().forEach(property -> {
                JsonNode value = object.get(property.getKey());
                if (value != null) {
                    JsonNode normalized = normalize(value, property.getValue(), documentId, depth + 1);
                    if (normalized != value) {
                        object.set(property.getKey(), normalized);
                    }
                }
            });
        }
        if (result instanceof ArrayNode array && schema.has("items")) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode normalized = normalize(array.get(i), schema.get("items"), documentId, depth + 1);
                if (normalized != array.get(i)) {
                    array.set(i, normalized);
                }
            }
        }
        return result;
    }
}
