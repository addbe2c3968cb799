package hotline.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.support.BrokerClient;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.Tickets;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Offices work their tickets over REST and the ticket-events queue; every change reaches ticket-updates. */
class OfficeWorkflowEndToEndTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIANPING = "310104003";
    private static final String XUJIAHUI = "310104004";

    @Autowired
    JdbcTemplate jdbc;

    private Tickets tickets() {
        return new Tickets(gateway());
    }

    @Test
    void aTicketIsSignedContactedResolvedCalledBackAndClosedWithEveryChangePublished() throws Exception {
        Tickets tickets = tickets();
        try (BrokerClient.Subscription updates = new BrokerClient(
                        "tcp://127.0.0.1:" + BROKER_PORT, "hotline", "hotline-local")
                .subscribe("ticket-updates", null)) {
            String ticketNo = tickets.newCall(TIANPING, false);
            assertThat(broker().take("tickets." + TIANPING, ticketNo, 10_000)).hasSize(1);

            String signId = "sign-" + UUID.randomUUID();
            Response signed = tickets.eventWithId(ticketNo, signId, "SIGN", Map.of("office", TIANPING));
            assertThat(signed.status()).isEqualTo(201);
            assertThat(signed.json().get("status").asText()).isEqualTo("SIGNED");
            assertThat(signed.json().at("/sla/targets/SIGN/metAt").isTextual()).isTrue();

            Response again = tickets.eventWithId(ticketNo, signId, "SIGN", Map.of("office", TIANPING));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("status").asText()).isEqualTo("SIGNED");

            assertThat(tickets.event(ticketNo, "CONTACT", Map.of())
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("IN_PROGRESS");
            assertThat(tickets.event(ticketNo, "PROGRESS", Map.of("note", "上门走访，已联系助餐点"))
                            .status())
                    .isEqualTo(201);
            assertThat(tickets.event(ticketNo, "RESOLVE", Map.of("result", "已安排社区助餐和每周探访"))
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("RESOLVED");
            assertThat(tickets.event(ticketNo, "CALLBACK", Map.of("satisfaction", "SATISFIED"))
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("RESOLVED");
            Response closed = tickets.event(ticketNo, "CLOSE", Map.of("office", "hotline"));
            assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");

            JsonNode events = closed.json().get("events");
            assertThat(events.findValuesAsText("type"))
                    .containsExactly(
                            "CREATED", "DISPATCHED", "SIGN", "CONTACT", "PROGRESS", "RESOLVE", "CALLBACK", "CLOSE");
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id "
                                    + "WHERE t.ticket_no = ? AND e.event_id = ?",
                            Integer.class,
                            ticketNo,
                            signId))
                    .isEqualTo(1);

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(updatesOf(updates, ticketNo))
                            .extracting(u -> u.get("event").asText())
                            .containsExactly(
                                    "DISPATCHED", "SIGN", "CONTACT", "PROGRESS", "RESOLVE", "CALLBACK", "CLOSE"));
            JsonNode resolved = updatesOf(updates, ticketNo).get(4);
            assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
            assertThat(resolved.get("previousStatus").asText()).isEqualTo("IN_PROGRESS");
            assertThat(resolved.get("result").asText()).isEqualTo("已安排社区助餐和每周探访");
            assertThat(resolved.has("contact")).isFalse();
        }
    }

    @Test
    void aReturnedTicketGoesToTheDistrictDeskWhichReassignsItAndItIsDispatchedAgain() throws Exception {
        Tickets tickets = tickets();
        String ticketNo = tickets.newCall(TIANPING, false);
        assertThat(broker().take("tickets." + TIANPING, ticketNo, 10_000)).hasSize(1);

        Response returned = tickets.event(
                ticketNo,
                "RETURN",
                Map.of("office", TIANPING, "reasonCode", "NOT_OUR_JURISDICTION", "reason", "地址在徐家汇街道辖区"));
        assertThat(returned.status()).isEqualTo(201);
        assertThat(returned.json().get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.json().at("/assignedTo/level").asText()).isEqualTo("DISTRICT_DESK");
        assertThat(returned.json().at("/assignedTo/code").asText()).isEqualTo("310104");
        assertThat(returned.json().at("/sla/reassignBy").isTextual()).isTrue();

        // Who returned it and why is for the offices and the hotline, not for the caller following the case.
        String code = gateway()
                .get("/api/v1/tickets/" + ticketNo)
                .json()
                .get("trackingCode")
                .asText();
        JsonNode caller = gateway()
                .anonymous()
                .header("X-Tracking-Code", code)
                .get("/api/v1/tickets/" + ticketNo)
                .json();
        assertThat(caller.get("status").asText()).isEqualTo("RETURNED");
        assertThat(caller.get("office").asText()).isEqualTo("徐汇区");
        assertThat(caller.toString()).doesNotContain("地址在徐家汇街道辖区", "staff-07", "RETURN\"");
        assertThat(gateway()
                        .as("desk-310104", "desk-local")
                        .get("/api/v1/tickets/" + ticketNo)
                        .body())
                .contains("地址在徐家汇街道辖区");

        List<TextMessage> atDesk = broker().take("triage.310104", ticketNo, 10_000);
        assertThat(atDesk).hasSize(1);
        JsonNode deskMessage = JSON.readTree(atDesk.get(0).getText());
        assertThat(deskMessage.get("ticketVersion").asInt()).isEqualTo(2);
        assertThat(deskMessage.get("cause").asText()).isEqualTo("RETURN");
        assertThat(deskMessage.get("causeCode").asText()).isEqualTo("NOT_OUR_JURISDICTION");
        assertThat(deskMessage.get("causeDetail").asText()).isEqualTo("地址在徐家汇街道辖区");
        assertThat(deskMessage.get("content").asText()).contains("独居");

        // The old office no longer acts on it; the desk reassigns within its district.
        assertThat(tickets.event(ticketNo, "SIGN", Map.of("office", TIANPING)).status())
                .isEqualTo(403);
        Response outside = tickets.event(ticketNo, "REASSIGN", Map.of("office", "310104", "townCode", "310101002"));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().at("/errors/0/field").asText()).isEqualTo("townCode");

        Response reassigned = tickets.event(ticketNo, "REASSIGN", Map.of("office", "310104", "townCode", XUJIAHUI));
        assertThat(reassigned.status()).isEqualTo(201);
        assertThat(reassigned.json().at("/assignedTo/code").asText()).isEqualTo(XUJIAHUI);
        assertThat(reassigned.json().at("/assignedTo/rule").asText()).isEqualTo("REASSIGNED_BY_DESK");
        List<TextMessage> atNewOffice = broker().take("tickets." + XUJIAHUI, ticketNo, 10_000);
        assertThat(atNewOffice).hasSize(1);
        assertThat(atNewOffice.get(0).getStringProperty("_AMQ_DUPL_ID")).isEqualTo(ticketNo + ":3");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                tickets.ticket(ticketNo).json().get("status").asText())
                        .isEqualTo("DISPATCHED"));
        assertThat(tickets.event(ticketNo, "SIGN", Map.of("office", XUJIAHUI)).status())
                .isEqualTo(201);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT a.seq, a.code, a.cause, a.end_cause, "
                        + "a.return_reason_code, a.return_reason, a.reassign_met_at IS NOT NULL AS reassigned "
                        + "FROM ticket_assignment a "
                        + "JOIN ticket t ON t.id = a.ticket_id WHERE t.ticket_no = ? ORDER BY a.seq",
                ticketNo);
        assertThat(rows).extracting(r -> r.get("code")).containsExactly(TIANPING, "310104", XUJIAHUI);
        assertThat(rows).extracting(r -> r.get("end_cause")).containsExactly("RETURNED", "REASSIGNED", null);
        assertThat(rows.get(0).get("return_reason_code")).isEqualTo("NOT_OUR_JURISDICTION");
        assertThat(rows.get(0).get("return_reason")).isEqualTo("地址在徐家汇街道辖区");
        assertThat(rows.get(1).get("reassigned")).isEqualTo(true);
    }

    @Test
    void aDissatisfiedCallbackReopensTheTicketOnceToTheSameOffice() throws Exception {
        Tickets tickets = tickets();
        String ticketNo = tickets.newCall(TIANPING, false);
        assertThat(broker().take("tickets." + TIANPING, ticketNo, 10_000)).hasSize(1);
        tickets.event(ticketNo, "SIGN", Map.of());
        tickets.event(ticketNo, "RESOLVE", Map.of("result", "已电话答复"));

        Response reopened = tickets.event(ticketNo, "CALLBACK", Map.of("satisfaction", "DISSATISFIED"));
        assertThat(reopened.json().get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(reopened.json().at("/assignedTo/code").asText()).isEqualTo(TIANPING);
        assertThat(reopened.json().at("/sla/resolveBy").isTextual()).isTrue();
        assertThat(reopened.json().at("/sla/signBy").isMissingNode()).isTrue();
        List<TextMessage> again = broker().take("tickets." + TIANPING, ticketNo, 10_000);
        assertThat(again).hasSize(1);
        assertThat(JSON.readTree(again.get(0).getText()).get("cause").asText()).isEqualTo("REOPEN");

        tickets.event(ticketNo, "RESOLVE", Map.of("result", "已上门落实助餐"));
        Response secondCallback = tickets.event(ticketNo, "CALLBACK", Map.of("satisfaction", "DISSATISFIED"));
        assertThat(secondCallback.json().get("status").asText()).isEqualTo("RESOLVED");
        assertThat(tickets.event(ticketNo, "CLOSE", Map.of())
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("CLOSED");
        assertThat(jdbc.queryForList(
                        "SELECT a.callback_result FROM ticket_assignment a JOIN ticket t "
                                + "ON t.id = a.ticket_id WHERE t.ticket_no = ? ORDER BY a.seq",
                        String.class,
                        ticketNo))
                .containsExactly("DISSATISFIED", "DISSATISFIED");
    }

    @Test
    void eventsTheStateDoesNotAllowAreRefusedNamingEventAndState() {
        Tickets tickets = tickets();
        String ticketNo = tickets.newCall(TIANPING, false);

        Response resolveFirst = tickets.event(ticketNo, "RESOLVE", Map.of("result", "done"));
        assertThat(resolveFirst.status()).isEqualTo(409);
        assertThat(resolveFirst.contentType()).startsWith("application/problem+json");
        assertThat(resolveFirst.json().get("detail").asText())
                .contains("RESOLVE")
                .containsPattern("CREATED|DISPATCHED");
        assertThat(resolveFirst.json().at("/errors/0/field").asText()).isEqualTo("type");

        for (String type : List.of("CONTACT", "CALLBACK", "CLOSE", "EXTEND_APPROVE")) {
            Response refused = tickets.event(ticketNo, type, Map.of("satisfaction", "SATISFIED"));
            assertThat(refused.status()).as(type).isEqualTo(409);
            assertThat(refused.json().get("detail").asText()).as(type).contains(type + " is not allowed");
        }
        // A desk reassigns only the tickets at the desk: this one is at a town office.
        assertThat(tickets.event(ticketNo, "REASSIGN", Map.of("office", "310104", "townCode", XUJIAHUI))
                        .status())
                .isEqualTo(403);
        String signId = "s-" + UUID.randomUUID();
        assertThat(tickets.eventWithId(ticketNo, signId, "SIGN", Map.of()).status())
                .isEqualTo(201);
        Response reused = tickets.eventWithId(ticketNo, signId, "CONTACT", Map.of());
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().at("/errors/0/field").asText()).isEqualTo("eventId");
        assertThat(tickets.event(ticketNo, "SIGN", Map.of()).status()).isEqualTo(409);
        Response other = tickets.event(ticketNo, "CONTACT", Map.of("office", XUJIAHUI));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().at("/errors/0/field").asText()).isEqualTo("office");
        // Nothing refused was recorded.
        assertThat(tickets.ticket(ticketNo).json().get("events").findValuesAsText("type"))
                .doesNotContain("RESOLVE", "CONTACT", "CALLBACK", "CLOSE");
    }

    @Test
    void badEventsAreAnsweredWithTheFieldsNamed() {
        Tickets tickets = tickets();
        String ticketNo = tickets.newCall(TIANPING, false);
        String path = "/api/v1/tickets/" + ticketNo + "/events";
        GatewayClient gateway = gateway().as("gateway", "gateway-local");

        Response missing = gateway.postJson(path, "{\"type\": \"EXTEND_REQUEST\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsText("field"))
                .contains("eventId", "actor", "reason", "days");

        Response unknownType = gateway.postJson(path, "{\"eventId\": \"x1\", \"type\": \"APPROVE\", \"actor\": \"a\"}");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().at("/errors/0/field").asText()).isEqualTo("type");

        Response tooMany = gateway.postJson(
                path, Tickets.eventJson(null, "x2", "EXTEND_REQUEST", Map.of("reason", "等待鉴定", "days", 40)));
        assertThat(tooMany.json().get("errors").findValuesAsText("field")).containsExactly("days");

        Response otherTicket = gateway.postJson(path, Tickets.eventJson("20260101-0000001", "x3", "SIGN", Map.of()));
        assertThat(otherTicket.status()).isEqualTo(400);
        assertThat(otherTicket.json().at("/errors/0/field").asText()).isEqualTo("ticketNo");

        assertThat(gateway.postJson(path, "{not json").status()).isEqualTo(400);
        assertThat(gateway.post(path, "text/plain", "SIGN").status()).isEqualTo(415);
        Response unknown = gateway.postJson(
                "/api/v1/tickets/20200101-0000001/events", Tickets.eventJson(null, "x4", "SIGN", Map.of()));
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void officesSendEventsOnTheQueueAndWhatCanNeverSucceedEndsInTheDeadLetterQueueWithItsReason() {
        Tickets tickets = tickets();
        String ticketNo = tickets.newCall(TIANPING, false);
        BrokerClient office = new BrokerClient("tcp://127.0.0.1:" + BROKER_PORT, "office-310104003", "office-local");
        BrokerClient otherOffice =
                new BrokerClient("tcp://127.0.0.1:" + BROKER_PORT, "office-310101002", "office-local");
        Map<String, String> properties = Map.of("ticketNo", ticketNo);

        office.send(
                "ticket-events",
                Tickets.eventJson(ticketNo, "q-" + UUID.randomUUID(), "RESOLVE", Map.of("result", "x")),
                properties);
        otherOffice.send(
                "ticket-events", Tickets.eventJson(ticketNo, "q-" + UUID.randomUUID(), "SIGN", Map.of()), properties);
        office.send("ticket-events", "{broken", properties);
        broker().send(
                        "ticket-events",
                        Tickets.eventJson(ticketNo, "q-" + UUID.randomUUID(), "SIGN", Map.of()),
                        properties);
        // A message that is no event, and a refused event of a sender with no results queue (the gateway's own
        // system user), go to the dead-letter queue; the offices' refused events are answered on their results queues
        // (TicketResultsEndToEndTest).
        List<TextMessage> dead = broker().take("DLQ", ticketNo, 10_000);
        assertThat(dead).hasSize(2);
        assertThat(dead)
                .extracting(m -> property(m, "deadLetterReason"))
                .anySatisfy(
                        reason -> assertThat(reason).contains("office is required when a system user sends an event"));
        assertThat(dead)
                .extracting(m -> property(m, "deadLetterReason"))
                .anySatisfy(reason -> assertThat(reason).contains("(body)"));
        assertThat(office.take("ticket-results." + TIANPING, ticketNo, 10_000))
                .extracting(m -> m.getText())
                .anySatisfy(result -> assertThat(result).contains("RESOLVE is not allowed"));
        assertThat(otherOffice.take("ticket-results.310101002", ticketNo, 10_000))
                .extracting(m -> m.getText())
                .anySatisfy(result -> assertThat(result).contains("office 310101002 may not send SIGN"));

        // The office's own event, sent twice (a redelivery), is applied once.
        String eventId = "q-" + UUID.randomUUID();
        office.send("ticket-events", Tickets.eventJson(ticketNo, eventId, "SIGN", Map.of()), properties);
        office.send("ticket-events", Tickets.eventJson(ticketNo, eventId, "SIGN", Map.of()), properties);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                tickets.ticket(ticketNo).json().get("status").asText())
                        .isEqualTo("SIGNED"));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id "
                                        + "WHERE t.ticket_no = ? "
                                        + "AND e.type = 'SIGN'",
                                Integer.class,
                                ticketNo))
                        .isEqualTo(1));
        assertThat(jdbc.queryForObject(
                        "SELECT office_code FROM ticket_event WHERE event_id = ?", String.class, eventId))
                .isEqualTo(TIANPING);
    }

    @Test
    void anOfficeListsItsOpenTicketsSoonestDeadlineFirst() {
        Tickets tickets = tickets();
        GatewayClient desk = gateway().as("desk-310104", "desk-local");
        String normal = tickets.newCall("310104007", false);
        String urgent = tickets.newCall("310104007", true);
        Response list = desk.get("/api/v1/offices/310104007/tickets");
        assertThat(list.status()).isEqualTo(200);
        List<String> order = list.json().get("tickets").findValuesAsText("ticketNo");
        assertThat(order).containsSubsequence(urgent, normal);
        assertThat(list.json().at("/tickets/0/deadlines/signBy").isTextual()).isTrue();

        assertThat(desk.get("/api/v1/offices/310104/tickets")
                        .json()
                        .get("tickets")
                        .findValuesAsText("office"))
                .allMatch(office -> office.startsWith("310104"))
                .anyMatch(office -> office.length() == 9);
        tickets.event(normal, "SIGN", Map.of());
        assertThat(desk.get("/api/v1/offices/310104007/tickets?state=SIGNED")
                        .json()
                        .get("tickets")
                        .findValuesAsText("ticketNo"))
                .contains(normal)
                .doesNotContain(urgent);
        assertThat(desk.get("/api/v1/offices/310104007/tickets?dueBefore=2000-01-01T00:00:00%2B08:00")
                        .json()
                        .get("tickets"))
                .isEmpty();

        assertThat(gateway()
                        .as("office-310104003", "office-local")
                        .get("/api/v1/offices/310104007/tickets")
                        .status())
                .isEqualTo(403);
        assertThat(gateway().get("/api/v1/offices/310104007/tickets").status()).isEqualTo(401);
        Response bad = desk.get("/api/v1/offices/31010/tickets?state=DONE&dueBefore=soon&page=-1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("officeCode", "state", "dueBefore", "page");
    }

    @Test
    void overRestAnOfficeIsTheBrokerUserItAuthenticatesAs() {
        Tickets tickets = tickets();
        String ticketNo = tickets.newCall(TIANPING, false);
        String path = "/api/v1/tickets/" + ticketNo + "/events";
        String sign = Tickets.eventJson(null, "a-" + UUID.randomUUID(), "SIGN", Map.of("office", TIANPING));

        Response anonymous = gateway().postJson(path, sign);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().at("/errors/0/field").asText()).isEqualTo("Authorization");
        assertThat(gateway()
                        .as("office-310104003", "wrong")
                        .postJson(path, sign)
                        .status())
                .isEqualTo(401);

        // Another office's user is refused, whatever office its body names.
        Response other = gateway().as("office-310101002", "office-local").postJson(path, sign);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("detail").asText()).contains("310101002");

        Tickets tianping = tickets.as("office-310104003", "office-local");
        assertThat(tianping.event(ticketNo, "SIGN", Map.of()).status()).isEqualTo(201);
        assertThat(tianping.event(ticketNo, "EXTEND_REQUEST", Map.of("reason", "等待鉴定", "days", 2))
                        .status())
                .isEqualTo(201);
        assertThat(tianping.event(ticketNo, "EXTEND_APPROVE", Map.of()).status())
                .isEqualTo(403);
        assertThat(tickets.as("desk-310104", "desk-local")
                        .event(ticketNo, "EXTEND_APPROVE", Map.of())
                        .status())
                .isEqualTo(201);
        assertThat(tickets.as("hotline", "hotline-local")
                        .event(ticketNo, "RESOLVE", Map.of("result", "x"))
                        .status())
                .isEqualTo(403);
        // The web console's user acts for no office; a system user must name the office it acts for.
        Response admin = gateway().as("admin", "admin-local").postJson(path, sign);
        assertThat(admin.status()).isEqualTo(403);
        Response unnamed = gateway()
                .as("gateway", "gateway-local")
                .postJson(path, Tickets.eventJson(null, "a-" + UUID.randomUUID(), "CONTACT", Map.of()));
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().at("/errors/0/field").asText()).isEqualTo("office");
        assertThat(jdbc.queryForObject(
                        "SELECT office_code FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id "
                                + "WHERE t.ticket_no = ? AND e.type = 'SIGN'",
                        String.class,
                        ticketNo))
                .isEqualTo(TIANPING);
    }

    private static List<JsonNode> updatesOf(BrokerClient.Subscription updates, String ticketNo) {
        return updates.received().stream()
                .map(OfficeWorkflowEndToEndTest::read)
                .filter(u -> u.get("ticketNo").asText().equals(ticketNo))
                .toList();
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String property(TextMessage message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
