package hotline.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.support.BrokerClient;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.Tickets;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every event an office sends on ticket-events is answered with a TICKET_RESULT where the office can read it: its own
 * ticket-results.&lt;office&gt; queue, or its JMSReplyTo when that is its own results queue; an office may not make
 * a temporary queue. Another office's results queue named as JMSReplyTo is ignored.
 */
class TicketResultsEndToEndTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIANPING = "310104003";
    private static final String OTHER_TOWN = "310101002";

    private BrokerClient office() {
        return new BrokerClient("tcp://127.0.0.1:" + BROKER_PORT, "office-" + TIANPING, "office-local");
    }

    private BrokerClient otherOffice() {
        return new BrokerClient("tcp://127.0.0.1:" + BROKER_PORT, "office-" + OTHER_TOWN, "office-local");
    }

    private String dispatchedTicket() {
        String ticketNo = new Tickets(gateway()).newCall(TIANPING, false);
        assertThat(broker().take("tickets." + TIANPING, ticketNo, 10_000)).hasSize(1);
        return ticketNo;
    }

    @Test
    void anAcceptedEventIsAnsweredOnTheOfficesResultsQueueWithTheTicketsNewStatusAndVersion() throws Exception {
        String ticketNo = dispatchedTicket();
        String eventId = "q-" + UUID.randomUUID();

        office().send("ticket-events", Tickets.eventJson(ticketNo, eventId, "SIGN", Map.of()), Map.of());
        List<TextMessage> results = office().take("ticket-results." + TIANPING, ticketNo, 10_000);

        assertThat(results).hasSize(1);
        JsonNode result = JSON.readTree(results.get(0).getText());
        assertThat(result.get("messageType").asText()).isEqualTo("TICKET_RESULT");
        assertThat(result.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(result.get("eventId").asText()).isEqualTo(eventId);
        assertThat(result.get("ticketNo").asText()).isEqualTo(ticketNo);
        assertThat(result.get("eventType").asText()).isEqualTo("SIGN");
        assertThat(result.get("status").asText()).isEqualTo("SIGNED");
        assertThat(result.get("ticketVersion").asInt()).isEqualTo(1);
        assertThat(result.get("repeated").asBoolean()).isFalse();
        assertThat(results.get(0).getStringProperty("messageType")).isEqualTo("TICKET_RESULT");
        assertThat(results.get(0).getStringProperty("eventId")).isEqualTo(eventId);

        // The same event again (a retry) is accepted again and changes nothing.
        office().send("ticket-events", Tickets.eventJson(ticketNo, eventId, "SIGN", Map.of()), Map.of());
        JsonNode again = JSON.readTree(office().take("ticket-results." + TIANPING, ticketNo, 10_000)
                .get(0)
                .getText());
        assertThat(again.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(again.get("repeated").asBoolean()).isTrue();
        assertThat(again.get("status").asText()).isEqualTo("SIGNED");
    }

    @Test
    void anEventTheStateDoesNotAllowIsRefusedWithTheProblemRestAnswers() throws Exception {
        String ticketNo = dispatchedTicket();
        String eventId = "q-" + UUID.randomUUID();

        office().send(
                        "ticket-events",
                        Tickets.eventJson(ticketNo, eventId, "RESOLVE", Map.of("result", "done")),
                        Map.of());
        List<TextMessage> results = office().take("ticket-results." + TIANPING, ticketNo, 10_000);

        assertThat(results).hasSize(1);
        JsonNode result = JSON.readTree(results.get(0).getText());
        assertThat(result.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(result.has("status")).isFalse();
        JsonNode problem = result.get("problem");
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("title").asText()).isEqualTo("Event not allowed in this state");
        assertThat(problem.get("detail").asText()).contains("RESOLVE is not allowed");
        assertThat(problem.get("eventId").asText()).isEqualTo(eventId);
        assertThat(broker().count("DLQ", ticketNo)).isZero();
        assertThat(new Tickets(gateway()).ticket(ticketNo).json().get("status").asText())
                .isEqualTo("DISPATCHED");
    }

    @Test
    void anotherOfficesTicketIsRefusedToTheSenderAloneAndBadFieldsAreNamed() throws Exception {
        String ticketNo = dispatchedTicket();
        String eventId = "q-" + UUID.randomUUID();

        otherOffice().send("ticket-events", Tickets.eventJson(ticketNo, eventId, "SIGN", Map.of()), Map.of());
        List<TextMessage> results = otherOffice().take("ticket-results." + OTHER_TOWN, ticketNo, 10_000);

        assertThat(results).hasSize(1);
        JsonNode problem = JSON.readTree(results.get(0).getText()).get("problem");
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("detail").asText()).contains("office " + OTHER_TOWN + " may not send SIGN");
        assertThat(problem.get("eventId").asText()).isEqualTo(eventId);
        assertThat(broker().count("ticket-results." + TIANPING, ticketNo)).isZero();

        String badId = "q-" + UUID.randomUUID();
        office().send(
                        "ticket-events",
                        Tickets.eventJson(ticketNo, badId, "EXTEND_REQUEST", Map.of("days", 99)),
                        Map.of());
        JsonNode bad = JSON.readTree(office().take("ticket-results." + TIANPING, ticketNo, 10_000)
                .get(0)
                .getText());
        assertThat(bad.at("/problem/status").asInt()).isEqualTo(400);
        assertThat(bad.at("/problem/errors").findValuesAsText("field")).contains("days", "reason");
    }

    @Test
    void anOfficeReadsNoOtherOfficesResults() {
        assertThatThrownBy(() -> otherOffice().take("ticket-results." + TIANPING, "x", 500))
                .hasRootCauseInstanceOf(org.apache.activemq.artemis.api.core.ActiveMQSecurityException.class);
    }

    @Test
    void anOfficeMayNotMakeATemporaryQueue() {
        // A temporary queue is a one-word address; a right to make one would reach every one-word address.
        String ticketNo = dispatchedTicket();
        String eventId = "q-" + UUID.randomUUID();

        assertThatThrownBy(() -> office().request(
                                "ticket-events",
                                Tickets.eventJson(ticketNo, eventId, "SIGN", Map.of()),
                                Map.of(),
                                2_000))
                .hasRootCauseInstanceOf(org.apache.activemq.artemis.api.core.ActiveMQSecurityException.class);
    }

    @Test
    void anotherOfficesResultsQueueAsJmsReplyToIsIgnored() throws Exception {
        String ticketNo = dispatchedTicket();
        String eventId = "q-" + UUID.randomUUID();

        office().sendWithReplyTo(
                        "ticket-events",
                        Tickets.eventJson(ticketNo, eventId, "SIGN", Map.of()),
                        Map.of(),
                        "ticket-results." + OTHER_TOWN);
        List<TextMessage> results = office().take("ticket-results." + TIANPING, ticketNo, 10_000);

        assertThat(results).hasSize(1);
        assertThat(JSON.readTree(results.get(0).getText()).get("eventId").asText())
                .isEqualTo(eventId);
        assertThat(broker().count("ticket-results." + OTHER_TOWN, ticketNo)).isZero();
    }

    @Test
    void theOfficesOwnResultsQueueAsJmsReplyToIsUsed() throws Exception {
        String ticketNo = dispatchedTicket();
        String eventId = "q-" + UUID.randomUUID();

        office().sendWithReplyTo(
                        "ticket-events",
                        Tickets.eventJson(ticketNo, eventId, "SIGN", Map.of()),
                        Map.of(),
                        "ticket-results." + TIANPING);

        List<TextMessage> results = office().take("ticket-results." + TIANPING, ticketNo, 10_000);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).getJMSCorrelationID()).isNotNull();
    }
}
