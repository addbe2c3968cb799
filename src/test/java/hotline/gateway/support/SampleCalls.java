package hotline.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The 50 synthetic calls of ../shared/data (copied to the test resources), each with its expected outcome. */
public final class SampleCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleCalls() {}

    public record SampleCall(String callId, ObjectNode call, JsonNode expected) {

        /**
         * The call as the hotline system would post it, under another call id (tests must not collide). A call dated
         * after now (two samples are dated late December 2026) is dated now: the gateway refuses a call received
         * more than a day after its clock.
         */
        public ObjectNode withCallId(String newId) {
            ObjectNode copy = call.deepCopy();
            copy.put("callId", newId);
            OffsetDateTime received =
                    OffsetDateTime.parse(copy.get("receivedAt").asText());
            OffsetDateTime now = OffsetDateTime.now(received.getOffset()).truncatedTo(ChronoUnit.SECONDS);
            if (received.isAfter(now)) {
                copy.put("receivedAt", now.toString());
            }
            return copy;
        }

        public String expectedQueue() {
            String level = expected.get("assignLevel").asText();
            String code = expected.get("assignCode").asText();
            return switch (level) {
                case "TOWN" -> "tickets." + code;
                case "DISTRICT_DESK" -> "triage." + code;
                default -> "triage.city";
            };
        }
    }

    public static List<SampleCall> all() {
        try {
            return Files.readAllLines(Path.of("src/test/resources/samples/sample-calls.jsonl")).stream()
                    .filter(line -> !line.isBlank())
                    .map(SampleCalls::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SampleCall byId(String callId) {
        return all().stream()
                .filter(call -> call.callId().equals(callId))
                .findFirst()
                .orElseThrow();
    }

    private static SampleCall parse(String line) {
        try {
            ObjectNode call = (ObjectNode) JSON.readTree(line);
            JsonNode expected = call.remove("expected");
            return new SampleCall(call.get("callId").asText(), call, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
