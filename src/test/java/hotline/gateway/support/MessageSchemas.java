package hotline.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of the messages on the broker (src/main/resources/schemas/messages), by the messageType each
 * accepts: what the end-to-end tests read from the broker is checked against them (BrokerClient), so a message the
 * gateway sends and its schema cannot drift apart unnoticed.
 */
public final class MessageSchemas {

    public static final String DIRECTORY = "schemas/messages/";
    /** Every message schema; common.schema.json holds their shared definitions. */
    public static final List<String> FILES = List.of(
            "ticket-dispatch.schema.json",
            "sla-message.schema.json",
            "danger-hint.schema.json",
            "ticket-update.schema.json",
            "ticket-result.schema.json",
            "office-event.schema.json");
    /** The schema of what offices send on ticket-events (no messageType of its own). */
    public static final String OFFICE_EVENT = "office-event.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> BY_FILE = new LinkedHashMap<>();
    private static final Map<String, String> FILE_BY_MESSAGE_TYPE = new LinkedHashMap<>();

    static {
        for (String file : FILES) {
            BY_FILE.put(file, REGISTRY.getSchema(SchemaLocation.of("classpath:" + DIRECTORY + file)));
            JsonNode messageType = read(file).at("/properties/messageType");
            if (messageType.has("const")) {
                FILE_BY_MESSAGE_TYPE.put(messageType.get("const").asText(), file);
            }
            messageType.path("enum").forEach(type -> FILE_BY_MESSAGE_TYPE.put(type.asText(), file));
        }
    }

    private MessageSchemas() {}

    /** The message types that have a schema, and which. */
    public static Map<String, String> messageTypes() {
        return Map.copyOf(FILE_BY_MESSAGE_TYPE);
    }

    /** A schema file as JSON. */
    public static JsonNode read(String file) {
        try (InputStream in = MessageSchemas.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + DIRECTORY + file + " on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with this JSON under the schema of that file; empty when it is valid. */
    public static List<String> errors(String file, String json) {
        Schema schema = BY_FILE.get(file);
        if (schema == null) {
            throw new IllegalArgumentException("no message schema " + file);
        }
        return schema.validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    /** Checks a message of the given type; throws AssertionError naming what is wrong. */
    public static void check(String messageType, String json) {
        String file = FILE_BY_MESSAGE_TYPE.get(messageType);
        if (file == null) {
            throw new AssertionError("message type " + messageType + " has no schema in " + DIRECTORY);
        }
        List<String> errors = errors(file, json);
        if (!errors.isEmpty()) {
            throw new AssertionError(messageType + " message does not match " + file + ": " + errors + "\n" + json);
        }
    }

    /**
     * Checks a message read from the broker by its messageType property. A message without one is an office's own
     * (an event parked in the dead-letter queue, with its reason): it is not the gateway's to check.
     */
    public static void check(TextMessage message) {
        try {
            String messageType = message.getStringProperty("messageType");
            if (messageType == null) {
                if (message.getStringProperty("deadLetterReason") == null) {
                    throw new AssertionError("a message from the gateway without messageType: " + message.getText());
                }
                return;
            }
            check(messageType, message.getText());
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
