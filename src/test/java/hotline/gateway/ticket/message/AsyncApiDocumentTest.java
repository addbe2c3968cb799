package hotline.gateway.ticket.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import hotline.gateway.support.MessageSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml describes the broker as the code uses it: every $ref resolves (in the document, or in a schema
 * file and its JSON pointer), every address is a channel, and every message type the gateway sends has a message on a
 * channel whose payload is that type's schema.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("docs", "asyncapi.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document() throws Exception {
        return YAML.readTree(DOCUMENT.toFile());
    }

    @Test
    void isAnAsyncApi3Document() throws Exception {
        JsonNode doc = document();
        assertThat(doc.get("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.at("/info/title").isTextual()).isTrue();
        assertThat(doc.get("channels").size()).isPositive();
        assertThat(doc.get("operations").size()).isPositive();
    }

    @Test
    void everyReferenceResolves() throws Exception {
        JsonNode doc = document();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).hasSizeGreaterThan(20);
        Map<Path, JsonNode> files = new HashMap<>();
        for (String ref : refs) {
            int hash = ref.indexOf('#');
            String file = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            JsonNode target;
            if (file.isEmpty()) {
                target = doc;
            } else {
                Path path = DOCUMENT.getParent().resolve(file).normalize();
                assertThat(path).as(ref).isRegularFile();
                target = files.computeIfAbsent(path, AsyncApiDocumentTest::readJson);
                // A schema's own references resolve too: against its file.
                List<String> inner = new ArrayList<>();
                collectRefs(target, inner);
                for (String innerRef : inner) {
                    assertThat(resolveInSchema(path, innerRef, files))
                            .as(path + " " + innerRef)
                            .isFalse();
                }
            }
            assertThat(target.at(pointer).isMissingNode())
                    .as("%s resolves", ref)
                    .isFalse();
        }
    }

    @Test
    void everyAddressOfTheBrokerIsAChannel() throws Exception {
        Set<String> addresses = new HashSet<>();
        document()
                .get("channels")
                .forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses)
                .contains(
                        "tickets.{town}",
                        "triage.{district}",
                        "triage.city",
                        "escalations.{district}",
                        "escalations.city",
                        "ticket-events",
                        TicketUpdate.ADDRESS,
                        TicketResult.ADDRESS_PREFIX + "{office}");
    }

    @Test
    void everyMessageTypeTheGatewaySendsIsOnAChannelWithItsSchema() throws Exception {
        JsonNode doc = document();
        Set<String> sent = messageTypeConstants();
        assertThat(sent).contains(TicketMessage.TYPE_DISPATCH, TicketResult.TYPE, TicketUpdate.TYPE);

        Map<String, JsonNode> messagesOnChannels = new HashMap<>();
        doc.get("channels")
                .forEach(channel -> channel.path("messages").forEach(message -> {
                    JsonNode resolved = doc.at(message.get("$ref").asText().substring(1));
                    messagesOnChannels.put(resolved.get("name").asText(), resolved);
                }));
        for (String type : sent) {
            assertThat(messagesOnChannels).as("a channel carries " + type).containsKey(type);
            String schemaRef =
                    messagesOnChannels.get(type).at("/payload/schema/$ref").asText();
            assertThat(schemaRef).endsWith("/" + MessageSchemas.messageTypes().get(type));
        }
        assertThat(messagesOnChannels
                        .get("OFFICE_EVENT")
                        .at("/payload/schema/$ref")
                        .asText())
                .endsWith("/" + MessageSchemas.OFFICE_EVENT);
    }

    /** Every {@code public static final String TYPE*} of the message classes: the messageType values sent. */
    private static Set<String> messageTypeConstants() throws Exception {
        Set<String> types = new HashSet<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(TicketMessage.class.getPackageName())) {
            for (JavaField field : type.getFields()) {
                if (field.getName().startsWith("TYPE")
                        && field.getModifiers().contains(JavaModifier.STATIC)
                        && field.getRawType().isEquivalentTo(String.class)) {
                    types.add((String) field.reflect().get(null));
                }
            }
        }
        return types;
    }

    private static boolean resolveInSchema(Path schema, String ref, Map<Path, JsonNode> files) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        Path path = file.isEmpty() ? schema : schema.getParent().resolve(file).normalize();
        if (!Files.isRegularFile(path)) {
            return true;
        }
        return files.computeIfAbsent(path, AsyncApiDocumentTest::readJson)
                .at(pointer)
                .isMissingNode();
    }

    private static JsonNode readJson(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (Exception e) {
            throw new IllegalStateException(path + " is not JSON", e);
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }
}
