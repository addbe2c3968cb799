package hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.sla.SlaSweep;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.Tickets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The report over tickets worked through the real workflow (REST events, the SLA sweep), not over rows written by
 * hand: what the workflow stores is what the report counts. A day and a district no other test uses.
 */
class ReportOfTheWorkflowEndToEndTest extends GatewayIntegrationTest {

    private static final String WEIFANG = "310115004";
    private static final String LUJIAZUI = "310115005";
    private static final String DAY = "2024-06-03"; // a Monday

    @Autowired
    SlaSweep sweeper;

    @Test
    void theReportCountsWhatTheOfficesDid() {
        Tickets tickets = new Tickets(gateway());
        at("10:00");
        String t1 = ticket(tickets);
        String t2 = ticket(tickets);
        String t3 = ticket(tickets);

        at("10:30");
        tickets.event(t3, "RETURN", Map.of("office", WEIFANG, "reasonCode", "NOT_OUR_JURISDICTION", "reason", "不属本街道"));
        at("11:00");
        tickets.event(t1, "SIGN", Map.of("office", WEIFANG));
        tickets.event(t3, "REASSIGN", Map.of("office", "310115", "townCode", LUJIAZUI));
        at("11:30");
        tickets.event(t1, "CONTACT", Map.of());
        at("12:00");
        tickets.event(t1, "RESOLVE", Map.of("result", "已安排助餐"));
        at("12:30");
        tickets.event(t1, "CALLBACK", Map.of("satisfaction", "SATISFIED"));
        tickets.event(t1, "CLOSE", Map.of());
        at("14:01"); // t2's sign-for deadline (14:00) has passed
        sweeper.sweepDue();
        at("14:30");
        tickets.event(t2, "SIGN", Map.of());
        at("15:00");
        tickets.event(t2, "RESOLVE", Map.of("result", "已电话答复"));
        at("15:10");
        tickets.event(t2, "CALLBACK", Map.of("satisfaction", "DISSATISFIED"));
        at("15:20");
        tickets.event(t2, "RESOLVE", Map.of("result", "已上门落实"));
        at("15:30");
        tickets.event(t2, "CALLBACK", Map.of("satisfaction", "BASICALLY_SATISFIED"));

        JsonNode report = gateway()
                .get("/api/v1/reports/sla?from=" + DAY + "&to=" + DAY + "&groupBy=town&district=310115")
                .json();
        JsonNode weifang = group(report, WEIFANG);
        assertThat(weifang.get("received").asLong()).isEqualTo(3);
        assertThat(weifang.get("dispatched").asLong()).isEqualTo(3);
        // t1 signed at 11:00, t2 at 14:30 after its 14:00 deadline; t3 was returned before it had to sign.
        assertThat(weifang.get("signedOnTime").asLong()).isEqualTo(1);
        assertThat(weifang.get("signDecided").asLong()).isEqualTo(2);
        assertThat(weifang.get("signHoursMedian").asDouble()).isEqualTo(2.75); // (60 + 270) / 2 minutes
        // Resolved after 120 (t1), 300 (t2) and 10 (t2 reopened at 15:10) working minutes: the median is 2 h.
        assertThat(weifang.get("resolveHoursMedian").asDouble()).isEqualTo(2.0);
        assertThat(weifang.get("escalations").asLong()).isEqualTo(1);
        assertThat(weifang.get("returns").asLong()).isEqualTo(1);
        assertThat(weifang.at("/returnReasons/0/code").asText()).isEqualTo("NOT_OUR_JURISDICTION");
        assertThat(weifang.at("/returnReasons/0/count").asLong()).isEqualTo(1);
        // Resolved in time: t1, t2, and t2 again after the reopening.
        assertThat(weifang.get("resolvedOnTime").asLong()).isEqualTo(3);
        assertThat(weifang.get("resolveDecided").asLong()).isEqualTo(3);
        // 响应率: t1 signed in time, t3 returned in time, t2 late: 2 of 3.
        assertThat(weifang.get("responseRate").asDouble()).isEqualTo(66.7);
        // 解决率: t1 and t2's second resolution stand; the first was reopened: 2 of 3.
        assertThat(weifang.get("resolutionRate").asDouble()).isEqualTo(66.7);
        assertThat(weifang.get("callbacks").asLong()).isEqualTo(3);
        assertThat(weifang.get("satisfactionRate").asDouble()).isEqualTo(66.7);
        assertThat(weifang.get("openNow").asLong()).isZero();

        JsonNode lujiazui = group(report, LUJIAZUI);
        assertThat(lujiazui.get("received").asLong()).isZero();
        assertThat(lujiazui.get("dispatched").asLong()).isEqualTo(1);
        assertThat(lujiazui.get("openNow").asLong()).isEqualTo(1);
        JsonNode desk = group(report, "310115");
        assertThat(desk.get("reassignedOnTime").asLong()).isEqualTo(1);
        assertThat(report.at("/total/received").asLong()).isEqualTo(3);
    }

    private String ticket(Tickets tickets) {
        return tickets.newCallResponse(WEIFANG, false, DAY + "T09:58:00+08:00")
                .json()
                .get("ticketNo")
                .asText();
    }

    private static void at(String time) {
        CLOCK.set(OffsetDateTime.parse(DAY + "T" + time + ":00+08:00").toInstant());
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
