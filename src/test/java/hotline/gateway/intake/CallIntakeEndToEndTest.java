package hotline.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.SampleCalls;
import hotline.gateway.support.SampleCalls.SampleCall;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class CallIntakeEndToEndTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCallEndsAsExactlyOneMessageOnItsTownsQueueWithTheRightContent() throws Exception {
        SampleCall sample = SampleCalls.byId("DEV-2026-0001");
        String callId = "E2E-" + UUID.randomUUID();
        Response response =
                gateway().postJson("/api/v1/calls", sample.withCallId(callId).toString());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode answer = response.json();
        String ticketNo = answer.get("ticketNo").asText();
        assertThat(ticketNo).matches("\\d{8}-\\d{7}");
        assertThat(answer.get("status").asText()).isEqualTo("CREATED");
        assertThat(answer.get("priority").asText()).isEqualTo("NORMAL");
        assertThat(answer.at("/needs/primary").asText()).isEqualTo("SUBSISTENCE");
        assertThat(answer.at("/needs/evidence")).isNotEmpty();
        assertThat(answer.at("/assignedTo/level").asText()).isEqualTo("TOWN");
        assertThat(answer.at("/assignedTo/code").asText()).isEqualTo("310107005");
        assertThat(answer.at("/assignedTo/rule").asText()).isEqualTo("TOWN_CODE");
        assertThat(answer.at("/links/self").asText()).isEqualTo("/api/v1/tickets/" + ticketNo);

        List<TextMessage> messages = broker().take("tickets.310107005", ticketNo, 10_000);
        assertThat(messages).hasSize(1);
        TextMessage message = messages.get(0);
        assertThat(message.getStringProperty("_AMQ_DUPL_ID")).isEqualTo(ticketNo + ":1");
        JsonNode body = JSON.readTree(message.getText());
        assertThat(body.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(body.get("ticketNo").asText()).isEqualTo(ticketNo);
        assertThat(body.get("externalId").asText()).isEqualTo(callId);
        assertThat(body.get("priority").asText()).isEqualTo("NORMAL");
        assertThat(body.at("/needs/primary").asText()).isEqualTo("SUBSISTENCE");
        assertThat(body.at("/assignment/code").asText()).isEqualTo("310107005");
        assertThat(body.get("content").asText())
                .isEqualTo(sample.call().get("content").asText());
        assertThat(body.at("/contact/name").asText()).isEqualTo("韩桂芳");
        assertThat(body.at("/contact/phone").asText()).isEqualTo("13201501449");
        assertThat(body.at("/household/monthlyIncome").asInt()).isEqualTo(1850);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(gateway()
                                .get("/api/v1/tickets/" + ticketNo)
                                .json()
                                .get("status")
                                .asText())
                        .isEqualTo("DISPATCHED"));
        JsonNode ticket = gateway().get("/api/v1/tickets/" + ticketNo).json();
        assertThat(ticket.get("events"))
                .extracting(event -> event.get("type").asText())
                .containsExactly("CREATED", "DISPATCHED");
        assertThat(ticket.toString()).doesNotContain("韩桂芳", "13201501449", "310107196803119049");
        assertThat(broker().count("tickets.310107005", ticketNo)).isZero();
    }

    @Test
    void aGasSmellAtAnOldWomansFlatIsEmergencyFirstAndHerCareNeedFollows() throws Exception {
        ObjectNode call = SampleCalls.byId("DEV-2026-0001").withCallId("E2E-" + UUID.randomUUID());
        call.put("content", "对门独居的八十多岁老太太家里传出很浓的煤气味，敲门没人应。她平时靠居家养老服务助餐助浴。");
        Response response = gateway().postJson("/api/v1/calls", call.toString());

        assertThat(response.status()).isEqualTo(201);
        JsonNode answer = response.json();
        String ticketNo = answer.get("ticketNo").asText();
        assertThat(answer.get("priority").asText()).isEqualTo("URGENT");
        assertThat(answer.at("/needs/primary").asText()).isEqualTo("EMERGENCY");
        assertThat(answer.at("/needs/all")).extracting(JsonNode::asText).containsExactly("EMERGENCY", "ELDERLY_CARE");
        assertThat(answer.at("/needs/evidence/0").asText()).isEqualTo("煤气味");
        assertThat(answer.at("/needs/confidence").asDouble()).isEqualTo(1.0);

        List<TextMessage> messages = broker().take("tickets.310107005", ticketNo, 10_000);
        assertThat(messages).hasSize(1);
        JsonNode body = JSON.readTree(messages.get(0).getText());
        assertThat(body.at("/needs/primary").asText()).isEqualTo("EMERGENCY");
        assertThat(body.at("/needs/all")).extracting(JsonNode::asText).containsExactly("EMERGENCY", "ELDERLY_CARE");
    }

    @Test
    void aRetriedCallMakesNoSecondTicketOrMessage() throws Exception {
        String body = SampleCalls.byId("DEV-2026-0007")
                .withCallId("E2E-" + UUID.randomUUID())
                .toString();
        Response first = gateway().postJson("/api/v1/calls", body);
        // The same call again, with its keys in another order: the hotline system's retry after a timeout.
        ObjectNode reordered = JSON.createObjectNode();
        List<String> names = new ArrayList<>();
        JSON.readTree(body).fieldNames().forEachRemaining(names::add);
        for (int i = names.size() - 1; i >= 0; i--) {
            reordered.set(names.get(i), JSON.readTree(body).get(names.get(i)));
        }
        Response second = gateway().postJson("/api/v1/calls", reordered.toString());

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        String ticketNo = first.json().get("ticketNo").asText();
        assertThat(second.json().get("ticketNo").asText()).isEqualTo(ticketNo);
        assertThat(second.json().get("needs")).isEqualTo(first.json().get("needs"));
        assertThat(second.json().get("assignedTo")).isEqualTo(first.json().get("assignedTo"));

        assertThat(broker().take("tickets.310104003", ticketNo, 10_000)).hasSize(1);
        Response third = gateway().postJson("/api/v1/calls", body);
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.json().get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(broker().take("tickets.310104003", ticketNo, 1_500)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ticket WHERE ticket_no = ?", Integer.class, ticketNo))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbox o JOIN ticket t ON t.id = o.ticket_id "
                                + "WHERE t.ticket_no = ? AND o.destination = t.queue",
                        Integer.class,
                        ticketNo))
                .isEqualTo(1);
    }

    @Test
    void theSameCallPostedTenTimesAtOnceMakesOneTicket() throws Exception {
        String callId = "E2E-" + UUID.randomUUID();
        String body = SampleCalls.byId("DEV-2026-0012").withCallId(callId).toString();
        ExecutorService hotline = Executors.newFixedThreadPool(10);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(hotline.submit(() -> gateway().postJson("/api/v1/calls", body)));
            }
            List<Integer> statuses = new ArrayList<>();
            Set<String> ticketNos = new HashSet<>();
            for (Future<Response> answer : answers) {
                statuses.add(answer.get().status());
                ticketNos.add(answer.get().json().get("ticketNo").asText());
            }
            assertThat(statuses)
                    .containsOnly(200, 201)
                    .filteredOn(status -> status == 201)
                    .hasSize(1);
            assertThat(ticketNos).hasSize(1);
        } finally {
            hotline.shutdown();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM service_request WHERE external_id = ?", Integer.class, callId))
                .isEqualTo(1);
    }

    @Test
    void aDifferentBodyUnderAnExistingCallIdIsAConflictAndChangesNothing() {
        String callId = "E2E-" + UUID.randomUUID();
        ObjectNode call = SampleCalls.byId("DEV-2026-0019").withCallId(callId);
        assertThat(gateway().postJson("/api/v1/calls", call.toString()).status())
                .isEqualTo(201);
        int tickets = countTickets();

        call.put("content", "a different account of the call");
        Response conflict = gateway().postJson("/api/v1/calls", call.toString());

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().at("/errors/0/field").asText()).isEqualTo("callId");
        assertThat(countTickets()).isEqualTo(tickets);
    }

    @Test
    void everySampleCallReachesTheQueueOfItsExpectedOffice() throws JMSException {
        List<String> wrong = new ArrayList<>();
        List<String[]> posted = new ArrayList<>();
        for (SampleCall sample : SampleCalls.all()) {
            Response response = gateway()
                    .postJson(
                            "/api/v1/calls",
                            sample.withCallId("E2E-" + UUID.randomUUID()).toString());
            assertThat(response.status()).as(sample.callId()).isEqualTo(201);
            posted.add(new String[] {
                sample.callId(),
                sample.expectedQueue(),
                response.json().get("ticketNo").asText()
            });
        }
        for (String[] call : posted) {
            List<TextMessage> messages = broker().take(call[1], call[2], 10_000);
            if (messages.size() != 1) {
                wrong.add(call[0] + ": " + messages.size() + " messages on " + call[1]);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private int countTickets() {
        return jdbc.queryForObject("SELECT count(*) FROM ticket", Integer.class);
    }
}
