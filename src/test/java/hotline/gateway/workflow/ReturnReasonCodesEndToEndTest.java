package hotline.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.Tickets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A return (退单) carries a reason code from a fixed list beside the office's words; it is required, stored with the
 * assignment and the event, and the SLA report counts returns by code, never by the words. A day and a district no
 * other test uses.
 */
class ReturnReasonCodesEndToEndTest extends GatewayIntegrationTest {

    private static final String ZHUJING = "310116101";
    private static final String DISTRICT = "310116";
    private static final String DAY = "2024-07-01";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aReturnNeedsAKnownCodeAndTheReportCountsCodesNotWords() {
        Tickets tickets = new Tickets(gateway());
        String t1 = ticket(tickets);
        String t2 = ticket(tickets);
        String t3 = ticket(tickets);

        Response missing = tickets.event(t1, "RETURN", Map.of("reason", "不属本镇"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().at("/errors/0/field").asText()).isEqualTo("reasonCode");
        Response unknown = tickets.event(t1, "RETURN", Map.of("reasonCode", "NOT_MINE", "reason", "不属本镇"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("reasonCode");
        assertThat(unknown.json().at("/errors/0/message").asText()).contains("NOT_OUR_JURISDICTION");
        assertThat(tickets.ticket(t1).json().get("status").asText()).isNotEqualTo("RETURNED");

        // Two offices' words for the same reason, and another reason.
        assertThat(tickets.event(t1, "RETURN", Map.of("reasonCode", "NOT_OUR_JURISDICTION", "reason", "不属本镇，应由枫泾镇办理"))
                        .status())
                .isEqualTo(201);
        assertThat(tickets.event(
                                t2,
                                "RETURN",
                                Map.of(
                                        "reasonCode",
                                        "not_our_jurisdiction",
                                        "reason",
                                        "the address is in the next town"))
                        .status())
                .isEqualTo(201);
        assertThat(tickets.event(t3, "RETURN", Map.of("reasonCode", "WRONG_ADDRESS", "reason", "门牌号不存在"))
                        .status())
                .isEqualTo(201);

        assertThat(jdbc.queryForList(
                        "SELECT a.return_reason_code FROM ticket_assignment a JOIN ticket t ON t.id = a.ticket_id "
                                + "WHERE t.ticket_no IN (?, ?, ?) AND a.seq = 1 ORDER BY t.ticket_no",
                        String.class,
                        t1,
                        t2,
                        t3))
                .containsExactly("NOT_OUR_JURISDICTION", "NOT_OUR_JURISDICTION", "WRONG_ADDRESS");
        assertThat(jdbc.queryForObject(
                        "SELECT e.data ->> 'reasonCode' FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id "
                                + "WHERE t.ticket_no = ? AND e.type = 'RETURN'",
                        String.class,
                        t3))
                .isEqualTo("WRONG_ADDRESS");

        Response report =
                gateway().get("/api/v1/reports/sla?from=" + DAY + "&to=" + DAY + "&groupBy=town&district=" + DISTRICT);
        assertThat(report.status()).isEqualTo(200);
        JsonNode zhujing = group(report.json(), ZHUJING);
        assertThat(zhujing.get("returns").asLong()).isEqualTo(3);
        assertThat(zhujing.get("returnReasons").toString())
                .isEqualTo(
                        "[{\"code\":\"NOT_OUR_JURISDICTION\",\"count\":2},{\"code\":\"WRONG_ADDRESS\",\"count\":1}]");
        assertThat(report.json().at("/total/returnReasons").toString())
                .isEqualTo(zhujing.get("returnReasons").toString());
        assertThat(report.body()).doesNotContain("不属本镇", "next town", "门牌号");

        Response csv = gateway()
                .get("/api/v1/reports/sla?from=" + DAY + "&to=" + DAY + "&groupBy=town&district=" + DISTRICT
                        + "&format=csv");
        assertThat(csv.body())
                .contains("NOT_OUR_JURISDICTION: 2; WRONG_ADDRESS: 1")
                .doesNotContain("不属本镇", "门牌号");
    }

    /** Migration V7 on a database holding a return from before the codes: the return becomes OTHER. */
    @Test
    void returnsStoredBeforeTheCodesBecomeOther() throws SQLException {
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        jdbc.execute("DROP DATABASE IF EXISTS before_v7");
        jdbc.execute("CREATE DATABASE before_v7");
        try {
            DriverManagerDataSource before =
                    new DriverManagerDataSource(url.replaceFirst("/postgres(\\?|$)", "/before_v7$1"), "postgres", "");
            Flyway.configure()
                    .dataSource(before)
                    .locations("classpath:db/migration")
                    .target("5")
                    .load()
                    .migrate();
            JdbcTemplate old = new JdbcTemplate(before);
            old.update("""
                    INSERT INTO service_request (source, external_id, body_hash, received_at, channel, content, created_at)
                    VALUES ('HOTLINE', 'OLD-1', '\\x00', now(), 'PHONE', 'old call', now())""");
            old.update("""
                    INSERT INTO ticket (ticket_no, request_id, status, priority, primary_need, needs, urgency,
                                        assigned_level, assigned_code, assigned_name, assigned_rule, queue,
                                        created_at, updated_at)
                    SELECT '20240101-0000001', id, 'CREATED', 'NORMAL', 'OTHER', '{}', '{}', 'TOWN', '310116101',
                           '朱泾镇', 'TOWN_CODE', 'tickets.310116101', now(), now()
                    FROM service_request""");
            old.update("""
                    INSERT INTO ticket_assignment (ticket_id, seq, level, code, name, priority, primary_need, cause,
                                                   received_at, started_at, ended_at, end_cause, return_reason)
                    SELECT id, 1, 'TOWN', '310116101', '朱泾镇', 'NORMAL', 'OTHER', 'INTAKE', now(), now(), now(),
                           'RETURNED', '不属本镇'
                    FROM ticket
                    UNION ALL
                    SELECT id, 2, 'DISTRICT_DESK', '310116', '金山区', 'NORMAL', 'OTHER', 'RETURN', now(), now(),
                           NULL, NULL, NULL
                    FROM ticket""");

            Flyway.configure()
                    .dataSource(before)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();

            List<Map<String, Object>> rows = old.queryForList(
                    "SELECT seq, return_reason_code, return_reason FROM ticket_assignment ORDER BY seq");
            assertThat(rows).extracting(row -> row.get("return_reason_code")).containsExactly("OTHER", null);
            assertThat(rows.get(0).get("return_reason")).isEqualTo("不属本镇");
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS before_v7 WITH (FORCE)");
        }
    }

    private static String ticket(Tickets tickets) {
        return tickets.newCallResponse(ZHUJING, false, DAY + "T09:30:00+08:00")
                .json()
                .get("ticketNo")
                .asText();
    }

    private static JsonNode group(JsonNode report, String key) {
        for (JsonNode group : report.get("groups")) {
            if (group.get("key").asText().equals(key)) {
                return group;
            }
        }
        throw new AssertionError("no group " + key + " in " + report);
    }
}
