package hotline.gateway.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hotline.gateway.support.BrokerClient;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayClient.Response;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The semantic stage inside the gateway, with the real embedding models and a small training set: a first model
 * version is built at start, stored and activated; a call the dictionary cannot read is read by the semantic stage
 * and names the version; the city desk refreshes the model on demand, and no one else may.
 */
@TestPropertySource(
        properties = {
            "hotline.classification.semantic.enabled=true",
            "hotline.classification.semantic.need-descriptions=src/test/resources/classification/small/need-descriptions.yml",
            "hotline.classification.semantic.labelled-calls=src/test/resources/classification/small/labelled-calls.jsonl",
            "hotline.classification.semantic.danger-descriptions=src/test/resources/classification/small/danger-descriptions.yml",
            "hotline.classification.semantic.danger-phrasings=src/test/resources/classification/small/danger-phrasings.jsonl",
            "hotline.classification.semantic.sync-period=2s",
            "hotline.classification.semantic.second-look-period=1s"
        })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamelSpringBootTest
class SemanticStageEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OWN_BROKER_PORT = freeTcpPort();

    /**
     * This test's context runs beside the other tests' (Spring keeps contexts open), so it has servers of its own: a
     * PostgreSQL data directory is never shared by two running gateways.
     */
    private static final Path DATA =
            Path.of("target/test-data", "semantic-" + UUID.randomUUID()).toAbsolutePath();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownServers(DynamicPropertyRegistry registry) {
        registry.add(
                "hotline.database.embedded.data-dir", () -> DATA.resolve("pg").toString());
        registry.add("hotline.database.embedded.fsync", () -> "false");
        registry.add("hotline.broker.embedded.port", () -> OWN_BROKER_PORT);
        registry.add(
                "hotline.broker.embedded.data-dir",
                () -> DATA.resolve("artemis").toString());
        registry.add("hotline.inbox.dir", () -> DATA.resolve("inbox").toString());
        registry.add("hotline.sla.sweep-period", () -> "1h");
    }

    private GatewayClient gateway() {
        return new GatewayClient(port);
    }

    private static int freeTcpPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    private Response call(String content) {
        ObjectNode call = JSON.createObjectNode();
        call.put("callId", "SEM-" + UUID.randomUUID());
        call.put("receivedAt", "2026-11-30T10:00:00+08:00");
        call.put("content", content);
        return gateway().postJson("/api/v1/calls", call.toString());
    }

    @Test
    void aFirstVersionIsBuiltAndUsedWhereTheDictionaryCannotReadTheCall() {
        awaitActiveModel();
        String active = jdbc.queryForObject("SELECT version FROM classification_model WHERE active", String.class);

        // A text the need dictionary has no term for: the dictionary answers OTHER, so the semantic stage reads it.
        JsonNode needs = readByTheModel("Zorblax quintum flibber wobnat.").path("needs");
        assertThat(needs.path("modelVersion").asText()).isEqualTo(active);
        assertThat(needs.path("semantic").asText()).isIn("DECIDED", "UNDECIDED");
        assertThat(needs.path("nearest")).isNotEmpty();
        assertThat(needs.path("nearest").get(0).has("id")).isTrue();

        // A call the dictionary is sure about never waits for the model.
        JsonNode sure =
                call("来电人反映父亲82岁独居，最近行动不便，一日三餐成问题，希望街道安排助餐和上门探访。").json().path("needs");
        assertThat(sure.path("method").asText()).isEqualTo("DICTIONARY");
        assertThat(sure.path("semantic").asText()).isEqualTo("NOT_NEEDED");
        assertThat(sure.has("modelVersion")).isFalse();
    }

    /**
     * A need the dictionary named with little confidence is open to contest: the semantic stage overturns it when it
     * reads another need with a clearer margin, and leaves it standing otherwise.
     */
    @Test
    void aNeedTheDictionaryNamedWithLittleConfidenceIsReadAgainAndOverturnedOnlyByAClearerNeed() {
        awaitActiveModel();
        // the dictionary: SUBSISTENCE (吃饭成问题) at 0.6; the examples: an old man living alone
        JsonNode overturned = readByTheModel("我爸一个人住，吃饭成问题，房子也旧。").path("needs");
        assertThat(overturned.path("primary").asText()).isEqualTo("ELDERLY_CARE");
        assertThat(overturned.path("all")).extracting(JsonNode::asText).startsWith("ELDERLY_CARE", "SUBSISTENCE");
        assertThat(overturned.path("method").asText()).isEqualTo("SEMANTIC");
        assertThat(overturned.path("semantic").asText()).isEqualTo("DECIDED");

        // the dictionary: URBAN_MANAGEMENT (路灯) at 0.6, and the examples agree
        Response kept = call("路灯坏了一个月没人修，房东也不管。");
        JsonNode needs = kept.json().path("needs");
        assertThat(needs.path("primary").asText()).isEqualTo("URBAN_MANAGEMENT");
        assertThat(needs.path("method").asText()).isEqualTo("DICTIONARY");
        assertThat(needs.path("semantic").asText()).isEqualTo("KEPT");
        assertThat(needs.path("modelVersion").asText())
                .isEqualTo(overturned.path("modelVersion").asText());
    }

    /**
     * A call the dictionary is sure of is not embedded at intake; the second look embeds it afterwards and gives it a
     * danger hint when it comes close to a danger description, without changing its priority, and tells the queue
     * holding the ticket with a DANGER_HINT message.
     */
    @Test
    void theSecondLookGivesASureCallADangerHintAndLeavesItsPriority() throws Exception {
        awaitActiveModel();
        Response answer = call("来电人反映父亲82岁独居，最近行动不便，一日三餐成问题，希望街道安排助餐和上门探访。");
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("needs").path("semantic").asText()).isEqualTo("NOT_NEEDED");
        assertThat(answer.json().path("priority").asText()).isEqualTo("NORMAL");
        String ticketNo = answer.json().path("ticketNo").asText();

        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForObject(
                        "SELECT danger_looked_at IS NOT NULL FROM ticket WHERE ticket_no = ?",
                        Boolean.class,
                        ticketNo));
        JsonNode ticket = gateway()
                .as("desk-city", "desk-local")
                .get("/api/v1/tickets/" + ticketNo)
                .json();
        assertThat(ticket.path("dangerHint").path("category").asText()).isEqualTo("no_food");
        assertThat(ticket.path("dangerHint").path("score").asDouble()).isGreaterThanOrEqualTo(0.65);
        assertThat(ticket.path("priority").asText()).isEqualTo("NORMAL");

        // The queue holding the ticket is told, once, beside the ticket's dispatch (each checked against its schema).
        String queue = jdbc.queryForObject("SELECT queue FROM ticket WHERE ticket_no = ?", String.class, ticketNo);
        BrokerClient broker = new BrokerClient("tcp://127.0.0.1:" + OWN_BROKER_PORT, "gateway", "gateway-local");
        List<TextMessage> messages = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            messages.addAll(broker.take(queue, ticketNo, 500));
            return messages.size() >= 2;
        });
        List<String> types = new ArrayList<>();
        JsonNode hintMessage = null;
        for (TextMessage message : messages) {
            String type = message.getStringProperty("messageType");
            types.add(type);
            if (type.equals("DANGER_HINT")) {
                hintMessage = JSON.readTree(message.getText());
            }
        }
        assertThat(types).containsExactlyInAnyOrder("TICKET_DISPATCH", "DANGER_HINT");
        assertThat(hintMessage.path("dangerHint").path("category").asText()).isEqualTo("no_food");
        assertThat(hintMessage.path("priority").asText()).isEqualTo("NORMAL");
        assertThat(hintMessage.path("links").path("self").asText()).endsWith("/tickets/" + ticketNo);
    }

    /**
     * A call far from every danger description but nearer to the urgent written calls than to the others gets a hint
     * at intake, naming its nearest description; one nearer to the non-urgent written calls does not. (Words without
     * meaning, so that only the written calls can tell them apart: the first is one of the urgent examples, the
     * second one of the others.)
     */
    @Test
    void aCallNearTheUrgentWrittenCallsGetsADangerHintAndOneNearTheOthersDoesNot() {
        awaitActiveModel();
        JsonNode read = readByTheModel("Blorp vintash kreel moffa droon.");
        JsonNode urgentLike = ticket(read.path("ticketNo").asText());
        assertThat(urgentLike.path("priority").asText()).isEqualTo("NORMAL");
        assertThat(urgentLike.path("dangerHint").path("nearestDescriptionId").asText())
                .startsWith("danger:");
        assertThat(urgentLike.path("dangerHint").path("score").asDouble()).isLessThan(0.65);

        Response other = call("Zorblax quintum flibber wobnat.");
        assertThat(other.json().path("needs").has("modelVersion")).isTrue();
        assertThat(ticket(other.json().path("ticketNo").asText()).has("dangerHint"))
                .isFalse();
    }

    /**
     * The answer to a call with this content, posted until the semantic stage reads it (an instance takes the active
     * version into use within its sync period).
     */
    private JsonNode readByTheModel(String content) {
        AtomicReference<JsonNode> answer = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Response response = call(content);
                    assertThat(response.status()).isEqualTo(201);
                    answer.set(response.json());
                    return response.json().path("needs").has("modelVersion");
                });
        return answer.get();
    }

    /** The first model version is built in the background after start. */
    private void awaitActiveModel() {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() ->
                        jdbc.queryForObject("SELECT count(*) FROM classification_model WHERE active", Integer.class)
                                == 1);
    }

    private JsonNode ticket(String ticketNo) {
        return gateway()
                .as("desk-city", "desk-local")
                .get("/api/v1/tickets/" + ticketNo)
                .json();
    }

    /** A desk's correction is a labelled example: after the next refresh the same words come out as corrected. */
    @Test
    void aDeskCorrectionChangesTheNextRefreshsAnswer() {
        awaitActiveModel();
        String words = "Quorvat blenning drusk moralt, sennit. Call 13912345678.";
        Response first = call(words);
        assertThat(first.status()).isEqualTo(201);
        String ticketNo = first.json().path("ticketNo").asText();
        // No location: the city desk holds the ticket and corrects its need.
        Response corrected = new hotline.gateway.support.Tickets(gateway())
                .as("desk-city", "desk-local")
                .event(ticketNo, "RECLASSIFY", java.util.Map.of("need", "EDUCATION"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT primary_need FROM ticket WHERE ticket_no = ?", String.class, ticketNo))
                .isEqualTo("EDUCATION");
        String stored = jdbc.queryForObject(
                "SELECT c.text FROM classification_correction c JOIN ticket t ON t.id = c.ticket_id"
                        + " WHERE t.ticket_no = ?",
                String.class,
                ticketNo);
        assertThat(stored).contains("Quorvat").doesNotContain("13912345678");

        Response refreshed =
                gateway().as("desk-city", "desk-local").post("/api/v1/classification/refresh", "application/json", "");
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().path("activated").asBoolean())
                .as(refreshed.body())
                .isTrue();

        JsonNode again = call(words).json().path("needs");
        assertThat(again.path("primary").asText()).isEqualTo("EDUCATION");
        assertThat(again.path("method").asText()).isEqualTo("SEMANTIC");
        assertThat(again.path("nearest").get(0).path("id").asText()).startsWith("correction:");
    }

    @Test
    void theCityDeskRefreshesTheModelAndNoOfficeMay() {
        awaitActiveModel();
        Response refused = gateway()
                .as("office-310104003", "office-local")
                .post("/api/v1/classification/refresh", "application/json", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        Response refreshed =
                gateway().as("desk-city", "desk-local").post("/api/v1/classification/refresh", "application/json", "");
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        JsonNode result = refreshed.json();
        assertThat(result.path("candidateVersion").asText()).hasSize(12);
        assertThat(result.path("candidateRecall").has("ELDERLY_CARE")).isTrue();
    }
}
