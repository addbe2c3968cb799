package hotline.gateway.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.Tickets;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deadlines on the 2026 calendar with the gateway's clock set and advanced: targets in working time across the
 * Spring Festival, urgent targets in clock time, warning, breach and escalation, extensions and a desk's target.
 */
class SlaEndToEndTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIANPING = "310104003";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SlaSweep sweeper;

    @Test
    void aNormalTicketsDeadlinesCountWorkingTimeAcrossTheSpringFestival() {
        CLOCK.set(at("2026-02-13T10:00:00+08:00")); // Friday before the holiday; Saturday the 14th is a workday
        Response created = tickets().newCallResponse(TIANPING, false);

        JsonNode sla = created.json().get("sla");
        assertThat(instant(sla, "signBy")).isEqualTo(at("2026-02-13T14:00:00+08:00"));
        assertThat(instant(sla, "contactBy")).isEqualTo(at("2026-02-14T10:00:00+08:00"));
        // Fri 7 h, Sat 14th 8 h, holidays 15th-23rd, then Tue-Thu 24 h and one hour on Friday the 27th.
        assertThat(instant(sla, "resolveBy")).isEqualTo(at("2026-02-27T10:00:00+08:00"));
        assertThat(sla.at("/targets/SIGN/timeKind").asText()).isEqualTo("WORKING");
        assertThat(sla.at("/targets/SIGN/remainingMinutes").asLong()).isEqualTo(240);
        assertThat(sla.at("/targets/SIGN/breached").asBoolean()).isFalse();
    }

    @Test
    void anUrgentTicketsDeadlinesAreClockTimeOverTheHoliday() {
        CLOCK.set(at("2026-02-21T23:50:00+08:00")); // a Saturday night in the Spring Festival
        JsonNode sla = tickets().newCallResponse(TIANPING, true).json().get("sla");
        assertThat(instant(sla, "signBy")).isEqualTo(at("2026-02-22T00:20:00+08:00"));
        assertThat(instant(sla, "contactBy")).isEqualTo(at("2026-02-22T01:50:00+08:00"));
        assertThat(instant(sla, "resolveBy")).isEqualTo(at("2026-02-22T23:50:00+08:00"));
        assertThat(sla.at("/targets/SIGN/timeKind").asText()).isEqualTo("CLOCK");
    }

    @Test
    void aTargetIsWarnedAtEightyPercentThenBreachedAndEscalatedExactlyOnce() throws Exception {
        CLOCK.set(at("2026-02-13T10:00:00+08:00"));
        Tickets tickets = tickets();
        String ticketNo = tickets.newCall(TIANPING, false);
        assertThat(broker().take("tickets." + TIANPING, ticketNo, 10_000)).hasSize(1);

        CLOCK.set(at("2026-02-13T13:11:00+08:00"));
        sweeper.sweepDue();
        assertThat(eventTypes(ticketNo)).doesNotContain("SLA_WARNING");

        CLOCK.set(at("2026-02-13T13:12:00+08:00")); // 80% of 4 working hours
        sweeper.sweepDue();
        assertThat(eventTypes(ticketNo)).containsOnlyOnce("SLA_WARNING").doesNotContain("ESCALATED");
        List<TextMessage> warnings = broker().take("tickets." + TIANPING, ticketNo, 10_000);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getStringProperty("messageType")).isEqualTo("SLA_WARNING");
        JsonNode warning = JSON.readTree(warnings.get(0).getText());
        assertThat(warning.get("target").asText()).isEqualTo("SIGN");
        assertThat(warning.has("breachedAt")).isFalse();

        CLOCK.set(at("2026-02-13T14:00:00+08:00"));
        sweeper.sweepDue();
        sweeper.sweepDue();
        assertThat(eventTypes(ticketNo)).containsOnlyOnce("SLA_WARNING").containsOnlyOnce("ESCALATED");
        Response ticket = tickets.ticket(ticketNo);
        assertThat(ticket.json().get("escalated").asBoolean()).isTrue();
        assertThat(ticket.json().at("/sla/targets/SIGN/breached").asBoolean()).isTrue();

        assertThat(gateway().get("/actuator/prometheus").body())
                .containsPattern("hotline_sla_breaches_total\\{[^}]*target=\"SIGN\"")
                .containsPattern("hotline_sla_warnings_total\\{[^}]*target=\"SIGN\"");

        List<TextMessage> escalations = broker().take("escalations.310104", ticketNo, 10_000);
        assertThat(escalations).hasSize(1);
        JsonNode escalation = JSON.readTree(escalations.get(0).getText());
        assertThat(escalation.get("messageType").asText()).isEqualTo("SLA_BREACH");
        assertThat(escalations.get(0).getStringProperty("messageType")).isEqualTo("SLA_BREACH");
        assertThat(escalation.get("target").asText()).isEqualTo("SIGN");
        assertThat(Instant.parse(escalation.get("dueAt").asText())).isEqualTo(at("2026-02-13T14:00:00+08:00"));
        assertThat(escalation.at("/office/code").asText()).isEqualTo(TIANPING);
        assertThat(escalation.has("contact")).isFalse();

        // Signed late: the breach stands, the time to sign is kept for reports.
        CLOCK.set(at("2026-02-13T15:30:00+08:00"));
        tickets.event(ticketNo, "SIGN", Map.of());
        assertThat(jdbc.queryForObject(
                        "SELECT a.sign_working_minutes FROM ticket_assignment a JOIN ticket t "
                                + "ON t.id = a.ticket_id WHERE t.ticket_no = ?",
                        Integer.class,
                        ticketNo))
                .isEqualTo(330);
        sweeper.sweepDue();
        assertThat(broker().take("escalations.310104", ticketNo, 1_500)).isEmpty();
    }

    @Test
    void anApprovedExtensionMovesTheResolutionDeadlineWithinFifteenWorkingDays() {
        CLOCK.set(at("2026-02-13T10:00:00+08:00"));
        Tickets tickets = tickets();
        String ticketNo = tickets.newCall(TIANPING, false);
        tickets.event(ticketNo, "SIGN", Map.of());
        tickets.event(ticketNo, "EXTEND_REQUEST", Map.of("reason", "等待残疾等级鉴定结果", "days", 3));
        Response waiting = tickets.ticket(ticketNo);
        assertThat(instant(waiting.json().get("sla"), "resolveBy")).isEqualTo(at("2026-02-27T10:00:00+08:00"));
        assertThat(waiting.json().get("extended").asBoolean()).isFalse();

        Response forbidden = tickets.event(ticketNo, "EXTEND_APPROVE", Map.of("office", TIANPING));
        assertThat(forbidden.status()).isEqualTo(403);
        Response approved = tickets.event(ticketNo, "EXTEND_APPROVE", Map.of("office", "310104"));
        assertThat(approved.status()).isEqualTo(201);
        assertThat(approved.json().get("extended").asBoolean()).isTrue();
        // Saturday the 28th is a make-up workday: Feb 27 10:00 + 3 working days is Tuesday March 3, 10:00.
        assertThat(instant(approved.json().get("sla"), "resolveBy")).isEqualTo(at("2026-03-03T10:00:00+08:00"));

        tickets.event(ticketNo, "EXTEND_REQUEST", Map.of("reason", "需要区级联合会商", "days", 15));
        Response capped = tickets.event(ticketNo, "EXTEND_APPROVE", Map.of("office", "310104"));
        // 15 working days from the assignment's start is the most: Thursday March 12, 10:00.
        assertThat(instant(capped.json().get("sla"), "resolveBy")).isEqualTo(at("2026-03-12T10:00:00+08:00"));

        tickets.event(ticketNo, "EXTEND_REQUEST", Map.of("reason", "再次延期", "days", 2));
        Response rejected = tickets.event(ticketNo, "EXTEND_REJECT", Map.of("office", "310104", "reason", "已达最长期限"));
        assertThat(instant(rejected.json().get("sla"), "resolveBy")).isEqualTo(at("2026-03-12T10:00:00+08:00"));
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT a.extensions_approved, a.extensions_rejected, "
                        + "a.extension_days FROM ticket_assignment a JOIN ticket t ON t.id = a.ticket_id "
                        + "WHERE t.ticket_no = ?",
                ticketNo);
        assertThat(row)
                .containsEntry("extensions_approved", 2)
                .containsEntry("extensions_rejected", 1)
                .containsEntry("extension_days", 10);
    }

    @Test
    void aReturnedTicketRunsAgainstTheDesksTwoWorkingHoursThenTheNewOfficesOwnTargets() {
        CLOCK.set(at("2026-02-13T16:00:00+08:00"));
        Tickets tickets = tickets();
        String ticketNo = tickets.newCall(TIANPING, false);
        Response returned =
                tickets.event(ticketNo, "RETURN", Map.of("reasonCode", "NOT_OUR_JURISDICTION", "reason", "不属本街道"));
        // One hour on Friday, one on the make-up Saturday.
        assertThat(instant(returned.json().get("sla"), "reassignBy")).isEqualTo(at("2026-02-14T10:00:00+08:00"));

        CLOCK.set(at("2026-02-14T09:30:00+08:00"));
        Response reassigned = tickets.event(ticketNo, "REASSIGN", Map.of("townCode", "310104004"));
        JsonNode sla = reassigned.json().get("sla");
        assertThat(sla.has("reassignBy")).isFalse();
        assertThat(instant(sla, "signBy")).isEqualTo(at("2026-02-14T13:30:00+08:00"));
        assertThat(jdbc.queryForObject(
                        "SELECT a.reassign_working_minutes FROM ticket_assignment a JOIN ticket t "
                                + "ON t.id = a.ticket_id WHERE t.ticket_no = ? AND a.seq = 2",
                        Integer.class,
                        ticketNo))
                .isEqualTo(90);
    }

    private Tickets tickets() {
        return new Tickets(gateway());
    }

    private List<String> eventTypes(String ticketNo) {
        return jdbc.queryForList(
                "SELECT e.type FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id "
                        + "WHERE t.ticket_no = ? ORDER BY e.id",
                String.class,
                ticketNo);
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static Instant instant(JsonNode sla, String field) {
        assertThat(sla.get(field)).as(field).isNotNull();
        return Instant.parse(sla.get(field).asText());
    }
}
