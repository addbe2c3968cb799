package hotline.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document (src/main/resources/openapi/hotline-api.yaml) against what it describes: every operation of
 * routes/rest-api.yaml and no other, each with a unique operationId, its request schema, and every answer it can
 * give with a schema and a description; and components/schemas equal to the request and response schema files (the
 * single source: when one changes, this test writes the section the document should have to
 * target/openapi/components-schemas.yaml).
 */
class OpenApiContractTest {

    private static final Path DOCUMENT = Path.of("src/main/resources/openapi/hotline-api.yaml");
    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    private static final Path ROUTES = Path.of("routes/rest-api.yaml");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private static JsonNode document() throws IOException {
        return YAML.readTree(DOCUMENT.toFile());
    }

    @Test
    void isOpenApi31WithARelativeServer() throws IOException {
        JsonNode document = document();
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.get("servers").toString()).isEqualTo("[{\"url\":\"/api/v1\"}]");
        assertThat(document.at("/components/securitySchemes").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("basicAuth", "apiKey", "trackingCode");
        assertThat(document.at("/components/securitySchemes/apiKey/name").asText())
                .isEqualTo(AccessFilter.API_KEY);
        assertThat(document.at("/components/securitySchemes/trackingCode/name").asText())
                .isEqualTo(AccessFilter.TRACKING_CODE);
    }

    @Test
    void describesEveryOperationOfTheRoutesAndNoOther() throws IOException {
        Set<String> routes = new TreeSet<>();
        for (JsonNode rest : YAML.readTree(ROUTES.toFile())) {
            rest.get("rest").properties().forEach(entry -> {
                if (METHODS.contains(entry.getKey())) {
                    entry.getValue()
                            .forEach(operation -> routes.add(entry.getKey().toUpperCase() + " "
                                    + operation.get("path").asText()));
                }
            });
        }
        assertThat(operations(document()).keySet()).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void everyOperationHasAUniqueIdAndEveryAnswerADescriptionAndASchema() throws IOException {
        JsonNode document = document();
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        operations(document).forEach((name, operation) -> {
            String id = operation.path("operationId").asText();
            if (id.isBlank() || !ids.add(id)) {
                problems.add(name + ": operationId '" + id + "' missing or not unique");
            }
            Set<String> statuses = new TreeSet<>();
            operation.get("responses").properties().forEach(entry -> {
                statuses.add(entry.getKey());
                JsonNode response = resolve(document, entry.getValue());
                if (response.path("description").asText().isBlank()) {
                    problems.add(name + " " + entry.getKey() + ": no description");
                }
                if (!response.has("content")) {
                    problems.add(name + " " + entry.getKey() + ": no content");
                }
                response.path("content").properties().forEach(content -> {
                    if (!content.getValue().has("schema")) {
                        problems.add(name + " " + entry.getKey() + " " + content.getKey() + ": no schema");
                    }
                });
                if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
                    String problem = response.at("/content/application~1problem+json/schema/$ref")
                            .asText();
                    if (!problem.equals("#/components/schemas/Problem")) {
                        problems.add(name + " " + entry.getKey() + ": not a problem+json Problem");
                    }
                }
            });
            if (statuses.stream().noneMatch(status -> status.startsWith("2"))) {
                problems.add(name + ": no success answer");
            }
            for (String always : List.of("401", "429", "503")) {
                if (!statuses.contains(always)) {
                    problems.add(name + ": no " + always);
                }
            }
            if (operation.has("requestBody")) {
                for (String refusal : List.of("400", "413", "415")) {
                    if (!statuses.contains(refusal)) {
                        problems.add(name + ": takes a body but has no " + refusal);
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRequestSchemaIsTheBodyOfAnOperation() throws IOException {
        JsonNode document = document();
        Set<String> bodies = new TreeSet<>();
        operations(document)
                .values()
                .forEach(operation -> operation.at("/requestBody/content").forEach(content -> {
                    String ref = content.at("/schema/$ref").asText();
                    if (!ref.isEmpty()) {
                        bodies.add(ref.substring(ref.lastIndexOf('/') + 1));
                    }
                }));
        Set<String> requestSchemas = new TreeSet<>();
        try (Stream<Path> files = Files.list(SCHEMAS.resolve("requests"))) {
            for (Path file : files.toList()) {
                JsonNode schema = JSON.readTree(file.toFile());
                if (!file.getFileName().toString().equals("common.schema.json")) {
                    requestSchemas.add(schema.get("title").asText());
                }
            }
        }
        assertThat(bodies).containsExactlyInAnyOrderElementsOf(requestSchemas);
    }

    @Test
    void componentsSchemasAreTheSchemaFiles() throws IOException {
        ObjectNode expected = expectedComponents();
        JsonNode actual = document().at("/components/schemas");
        if (!expected.equals(actual)) {
            Path out = Path.of("target/openapi/components-schemas.yaml");
            Files.createDirectories(out.getParent());
            YAML.writeValue(out.toFile(), expected);
            assertThat(actual)
                    .as(
                            "components/schemas of %s differs from the schema files: the section it should have is in %s",
                            DOCUMENT, out)
                    .isEqualTo(expected);
        }
    }

    /** "POST /calls" → the operation. */
    static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (METHODS.contains(operation.getKey())) {
                        operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                    }
                }));
        return operations;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }

    /**
     * The schema files as components: each file under its title, each of its $defs under its name with a capital
     * letter; $id and $schema dropped, and every $ref made a reference to a component.
     */
    static ObjectNode expectedComponents() throws IOException {
        Map<String, String> titles = new TreeMap<>();
        Map<String, JsonNode> files = new TreeMap<>();
        for (String kind : List.of("requests", "responses")) {
            try (Stream<Path> list = Files.list(SCHEMAS.resolve(kind))) {
                for (Path file : list.sorted().toList()) {
                    String key = kind + "/" + file.getFileName();
                    JsonNode schema = JSON.readTree(file.toFile());
                    files.put(key, schema);
                    if (schema.has("title") && !file.getFileName().toString().equals("common.schema.json")) {
                        titles.put(key, schema.get("title").asText());
                    }
                }
            }
        }
        ObjectNode components = JSON.createObjectNode();
        files.forEach((key, schema) -> {
            String kind = key.substring(0, key.indexOf('/'));
            schema.path("$defs")
                    .properties()
                    .forEach(def -> components.set(
                            capitalized(def.getKey()), rewrite(def.getValue().deepCopy(), key, kind, titles)));
            if (titles.containsKey(key)) {
                ObjectNode copy = schema.deepCopy();
                copy.remove(List.of("$schema", "$id", "$defs"));
                components.set(titles.get(key), rewrite(copy, key, kind, titles));
            }
        });
        return components;
    }

    private static JsonNode rewrite(JsonNode node, String file, String kind, Map<String, String> titles) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref")) {
                    entry.setValue(TextNode.valueOf(reference(entry.getValue().asText(), file, kind, titles)));
                } else {
                    rewrite(entry.getValue(), file, kind, titles);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> rewrite(item, file, kind, titles));
        }
        return node;
    }

    private static String reference(String ref, String file, String kind, Map<String, String> titles) {
        int hash = ref.indexOf('#');
        String target = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        if (fragment.startsWith("/$defs/")) {
            return "#/components/schemas/" + capitalized(fragment.substring("/$defs/".length()));
        }
        String key = target.isEmpty() ? file : kind + "/" + target;
        return "#/components/schemas/" + titles.get(key);
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
