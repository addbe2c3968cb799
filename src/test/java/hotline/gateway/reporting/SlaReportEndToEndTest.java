package hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.support.GatewayClient.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SLA report's figures for the hand-made fixture of March 2025 (SlaFixture: tickets K1..K12, assignment rows
 * A1..A16). Each expectation shows its arithmetic; docs/reports.md has the definitions.
 */
class SlaReportEndToEndTest extends ReportFixtureEndToEndTest {

    private JsonNode report(String query) {
        Response response = gateway().get("/api/v1/reports/sla?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    static JsonNode group(JsonNode report, String key) {
        for (JsonNode group : report.get("groups")) {
            if (group.get("key").asText().equals(key)) {
                return group;
            }
        }
        throw new AssertionError("no group " + key + " in " + report);
    }

    private static List<String> keys(JsonNode report) {
        List<String> keys = new ArrayList<>();
        report.get("groups").forEach(group -> keys.add(group.get("key").asText()));
        return keys;
    }

    @Test
    void townFiguresMatchTheHandCount() {
        JsonNode report = report(PERIOD + "&groupBy=town");
        assertThat(report.get("from").asText()).isEqualTo("2025-03-01");
        assertThat(report.get("timeZone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(keys(report)).containsExactly("310101002", "310101013", "310104", "310104003", "310104004", "city");

        // 天平路街道: rows A1, A2, A3 (intake), A4 (reopened K3), A7 (reassigned K4).
        JsonNode tianping = group(report, "310104003");
        assertThat(tianping.get("name").asText()).isEqualTo("天平路街道");
        assertThat(tianping.get("level").asText()).isEqualTo("TOWN");
        assertThat(tianping.get("district").asText()).isEqualTo("310104");
        assertThat(tianping.get("received").asLong()).isEqualTo(3); // K1, K2, K3 at intake
        assertThat(tianping.get("dispatched").asLong()).isEqualTo(4); // A1, A2, A3, A7 (A4 is a reopening)
        assertThat(tianping.get("signedOnTime").asLong()).isEqualTo(3); // A1, A3, A7; A2 late
        assertThat(tianping.get("signDecided").asLong()).isEqualTo(4);
        assertThat(tianping.get("signedOnTimeRate").asDouble()).isEqualTo(75.0); // 3 / 4
        assertThat(tianping.get("contactedOnTimeRate").asDouble()).isEqualTo(100.0); // 4 / 4
        assertThat(tianping.get("resolvedOnTime").asLong()).isEqualTo(3); // A1, A3 (within extension), A7
        assertThat(tianping.get("resolveDecided").asLong()).isEqualTo(5); // + A2 late, A4 breached unmet
        assertThat(tianping.get("resolvedOnTimeRate").asDouble()).isEqualTo(60.0); // 3 / 5
        assertThat(tianping.get("reassignedOnTimeRate").isNull()).isTrue(); // no REASSIGN target: 0 / 0
        assertThat(tianping.get("openNow").asLong()).isEqualTo(1); // K3 (A4)
        assertThat(tianping.get("overdueNow").asLong()).isEqualTo(1);
        // Sign minutes 30, 30, 60, 300: median (30 + 60) / 2 = 45 min; p90 at 0.9 x 3 = 2.7: 60 + 0.7 x 240 = 228.
        assertThat(tianping.get("signHoursMedian").asDouble()).isEqualTo(0.75);
        assertThat(tianping.get("signHoursP90").asDouble()).isEqualTo(3.8);
        // Resolve minutes 900, 1200, 2460, 3600: median 1830 min; p90 2460 + 0.7 x 1140 = 3258 min.
        assertThat(tianping.get("resolveHoursMedian").asDouble()).isEqualTo(30.5);
        assertThat(tianping.get("resolveHoursP90").asDouble()).isEqualTo(54.3);
        assertThat(tianping.get("returns").asLong()).isZero();
        assertThat(tianping.get("extensionsApproved").asLong()).isEqualTo(1);
        assertThat(tianping.get("extensionDays").asLong()).isEqualTo(5);
        assertThat(tianping.get("escalations").asLong()).isEqualTo(3); // A2 sign + resolve, A4 resolve
        assertThat(tianping.get("responded").asLong()).isEqualTo(3); // signed on time
        assertThat(tianping.get("responseRate").asDouble()).isEqualTo(75.0); // 3 / 4
        assertThat(tianping.get("resolvedForGood").asLong()).isEqualTo(3); // A1, A2, A7; A3 reopened
        assertThat(tianping.get("resolutionRate").asDouble()).isEqualTo(60.0); // 3 / 5 (A4 breached counts)
        assertThat(tianping.get("callbacks").asLong()).isEqualTo(4); // S, B, D, S
        assertThat(tianping.get("satisfactionRate").asDouble()).isEqualTo(75.0); // (2 + 1) / 4

        // 湖南路街道 returned both its tickets: K4 unsigned within the sign-for time (A5), K5 after signing (A8).
        JsonNode hunan = group(report, "310104004");
        assertThat(hunan.get("received").asLong()).isEqualTo(2);
        assertThat(hunan.get("signedOnTime").asLong()).isEqualTo(1); // A8; A5 ended unmet before its due
        assertThat(hunan.get("signDecided").asLong()).isEqualTo(1);
        assertThat(hunan.get("contactedOnTimeRate").isNull()).isTrue(); // both ended before contact was due
        assertThat(hunan.get("returns").asLong()).isEqualTo(2);
        assertThat(hunan.get("returnReasons").findValuesAsText("code"))
                .containsExactlyInAnyOrder("NOT_OUR_JURISDICTION", "WRONG_ADDRESS");
        // The offices' words are not in the report: only the codes are counted.
        assertThat(report.toString()).doesNotContain("不属本街道管辖", "地址有误", "1360000", "136-0000");
        assertThat(hunan.get("responded").asLong()).isEqualTo(2); // a timely return is a response
        assertThat(hunan.get("responseRate").asDouble()).isEqualTo(100.0);
        assertThat(hunan.get("resolutionRate").isNull()).isTrue(); // returns are not counted: 0 / 0
        assertThat(hunan.get("satisfactionRate").isNull()).isTrue(); // no callback: 0 / 0

        // 徐汇区 desk: reassigned K4 on time (A6), K5 breached and still open (A9).
        JsonNode desk = group(report, "310104");
        assertThat(desk.get("level").asText()).isEqualTo("DISTRICT_DESK");
        assertThat(desk.get("received").asLong()).isZero();
        assertThat(desk.get("reassignedOnTime").asLong()).isEqualTo(1);
        assertThat(desk.get("reassignedOnTimeRate").asDouble()).isEqualTo(50.0); // 1 / 2
        assertThat(desk.get("openNow").asLong()).isEqualTo(1);
        assertThat(desk.get("overdueNow").asLong()).isEqualTo(1);
        assertThat(desk.get("escalations").asLong()).isEqualTo(1);

        // 南京东路街道: K6 on time (A10), K7 signed then stalled (A11), K12 untouched (A16).
        JsonNode nanjing = group(report, "310101002");
        assertThat(nanjing.get("received").asLong()).isEqualTo(3);
        assertThat(nanjing.get("signedOnTimeRate").asDouble()).isEqualTo(66.7); // 2 / 3
        assertThat(nanjing.get("contactedOnTimeRate").asDouble()).isEqualTo(33.3); // 1 / 3
        assertThat(nanjing.get("resolvedOnTimeRate").asDouble()).isEqualTo(33.3); // 1 / 3
        assertThat(nanjing.get("openNow").asLong()).isEqualTo(2); // K7, K12; K6 is resolved
        assertThat(nanjing.get("overdueNow").asLong()).isEqualTo(2);
        assertThat(nanjing.get("escalations").asLong()).isZero(); // none swept yet
        assertThat(nanjing.get("signHoursMedian").asDouble()).isEqualTo(0.67); // (20 + 60) / 2 = 40 min
        assertThat(nanjing.get("signHoursP90").asDouble()).isEqualTo(0.93); // 20 + 0.9 x 40 = 56 min
        assertThat(nanjing.get("extensionsRejected").asLong()).isEqualTo(1);
        assertThat(nanjing.get("resolutionRate").asDouble()).isEqualTo(33.3); // A10 / (A10, A11, A16)
        assertThat(nanjing.get("callbacks").asLong()).isZero();

        // The Bund: K8 at intake (A12) and reopened (A13), K9 reassigned from the city desk (A15).
        JsonNode bund = group(report, "310101013");
        assertThat(bund.get("name").asText()).isEqualTo(SlaFixture.BUND.name());
        assertThat(bund.get("received").asLong()).isEqualTo(1);
        assertThat(bund.get("dispatched").asLong()).isEqualTo(2);
        assertThat(bund.get("contactedOnTimeRate").asDouble()).isEqualTo(50.0); // A15 / (A12 late, A15)
        assertThat(bund.get("resolvedOnTimeRate").asDouble()).isEqualTo(66.7); // A12, A13 / + A15 late
        // Resolve minutes 960, 1320, 2040: median 1320 = 22 h; p90 at 1.8: 1320 + 0.8 x 720 = 1896 min.
        assertThat(bund.get("resolveHoursMedian").asDouble()).isEqualTo(22.0);
        assertThat(bund.get("resolveHoursP90").asDouble()).isEqualTo(31.6);
        assertThat(bund.get("resolutionRate").asDouble()).isEqualTo(66.7); // A13, A15 / 3 (A12 reopened)
        assertThat(bund.get("satisfactionRate").asDouble()).isEqualTo(66.7); // (S + B) / (D, S, B)

        JsonNode city = group(report, "city");
        assertThat(city.get("received").asLong()).isEqualTo(1);
        assertThat(city.get("reassignedOnTimeRate").asDouble()).isEqualTo(100.0);
    }

    @Test
    void theTotalCountsEveryTicketOfThePeriodOnce() {
        JsonNode total = report(PERIOD).get("total");
        assertThat(total.get("key").asText()).isEqualTo("total");
        assertThat(total.get("received").asLong()).isEqualTo(10); // K1..K9, K12 (not K10, K11)
        assertThat(total.get("dispatched").asLong()).isEqualTo(11); // 4 + 2 + 3 + 2
        assertThat(total.get("signedOnTime").asLong()).isEqualTo(8); // 3 + 1 + 2 + 2
        assertThat(total.get("signDecided").asLong()).isEqualTo(10); // 4 + 1 + 3 + 2
        assertThat(total.get("signedOnTimeRate").asDouble()).isEqualTo(80.0);
        assertThat(total.get("contactedOnTimeRate").asDouble()).isEqualTo(66.7); // 6 / 9
        assertThat(total.get("resolvedOnTimeRate").asDouble()).isEqualTo(54.5); // 6 / 11
        assertThat(total.get("reassignedOnTimeRate").asDouble()).isEqualTo(66.7); // 2 / 3
        assertThat(total.get("openNow").asLong()).isEqualTo(4); // K3, K5, K7, K12
        assertThat(total.get("overdueNow").asLong()).isEqualTo(4);
        // Sign minutes 20, 20, 30, 30, 60, 60, 60, 90, 300: median 60; p90 at 7.2: 90 + 0.2 x 210 = 132 min.
        assertThat(total.get("signHoursMedian").asDouble()).isEqualTo(1.0);
        assertThat(total.get("signHoursP90").asDouble()).isEqualTo(2.2);
        // Resolve minutes 900, 960, 1200, 1200, 1320, 2040, 2460, 3600: median 1260; p90 2460 + 0.3 x 1140 = 2802.
        assertThat(total.get("resolveHoursMedian").asDouble()).isEqualTo(21.0);
        assertThat(total.get("resolveHoursP90").asDouble()).isEqualTo(46.7);
        assertThat(total.get("returns").asLong()).isEqualTo(2);
        assertThat(total.get("returnReasons").findValuesAsText("count")).containsExactly("1", "1");
        assertThat(total.get("extensionsApproved").asLong()).isEqualTo(1);
        assertThat(total.get("extensionsRejected").asLong()).isEqualTo(1);
        assertThat(total.get("escalations").asLong()).isEqualTo(6); // 3 + 1 + 2
        assertThat(total.get("responseRate").asDouble()).isEqualTo(81.8); // 9 / 11
        assertThat(total.get("resolutionRate").asDouble()).isEqualTo(54.5); // 6 / 11
        assertThat(total.get("callbacks").asLong()).isEqualTo(7);
        assertThat(total.get("satisfied").asLong()).isEqualTo(3);
        assertThat(total.get("basicallySatisfied").asLong()).isEqualTo(2);
        assertThat(total.get("dissatisfied").asLong()).isEqualTo(2);
        assertThat(total.get("satisfactionRate").asDouble()).isEqualTo(71.4); // 5 / 7
    }

    @Test
    void districtsGroupTheirOfficesAndTheCityDeskStandsAlone() {
        JsonNode report = report(PERIOD + "&groupBy=district");
        assertThat(keys(report)).containsExactly("310101", "310104", "city");
        JsonNode xuhui = group(report, "310104");
        assertThat(xuhui.get("name").asText()).isEqualTo("徐汇区");
        assertThat(xuhui.get("received").asLong()).isEqualTo(5); // 3 + 2 + 0
        assertThat(xuhui.get("signedOnTimeRate").asDouble()).isEqualTo(80.0); // (3 + 1) / (4 + 1)
        assertThat(xuhui.get("responseRate").asDouble()).isEqualTo(83.3); // (3 + 2) / (4 + 2)
        assertThat(xuhui.get("openNow").asLong()).isEqualTo(2); // K3, K5
        JsonNode huangpu = group(report, "310101");
        assertThat(huangpu.get("name").asText()).isEqualTo("黄浦区");
        assertThat(huangpu.get("received").asLong()).isEqualTo(4);
        assertThat(huangpu.get("contactedOnTimeRate").asDouble()).isEqualTo(40.0); // (1 + 1) / (3 + 2)
        assertThat(huangpu.get("resolvedOnTimeRate").asDouble()).isEqualTo(50.0); // (1 + 2) / (3 + 3)
        assertThat(huangpu.get("satisfactionRate").asDouble()).isEqualTo(66.7); // 2 / 3
        assertThat(group(report, "city").get("name").asText()).isEqualTo("市级");
        assertThat(report.get("total").get("received").asLong()).isEqualTo(10);
    }

    @Test
    void aDistrictFilterKeepsOnlyItsOffices() {
        JsonNode report = report(PERIOD + "&groupBy=town&district=310101");
        assertThat(report.get("district").asText()).isEqualTo("310101");
        assertThat(keys(report)).containsExactly("310101002", "310101013");
        JsonNode total = report.get("total");
        assertThat(total.get("received").asLong()).isEqualTo(4); // K6, K7, K12, K8
        assertThat(total.get("signedOnTimeRate").asDouble()).isEqualTo(80.0); // 4 / 5
        assertThat(total.get("overdueNow").asLong()).isEqualTo(2); // K7, K12
    }

    @Test
    void needsAndDaysAreGroupsToo() {
        JsonNode needs = report(PERIOD + "&groupBy=need");
        JsonNode elderly = group(needs, "ELDERLY_CARE"); // A1, A2, A10
        assertThat(elderly.get("received").asLong()).isEqualTo(3);
        assertThat(elderly.get("signedOnTimeRate").asDouble()).isEqualTo(66.7); // A1, A10 / 3
        JsonNode days = report(PERIOD + "&groupBy=DAY");
        assertThat(keys(days)).startsWith("2025-03-01").endsWith("2025-03-31");
        assertThat(group(days, "2025-03-01").get("received").asLong()).isEqualTo(1); // K1 at 00:00
        assertThat(group(days, "2025-03-31").get("received").asLong()).isEqualTo(1); // K12 at 23:59
    }

    @Test
    void aPeriodWithoutTicketsHasAnEmptyTotal() {
        JsonNode report = report("from=2001-01-01&to=2001-01-31");
        assertThat(report.get("groups")).isEmpty();
        assertThat(report.get("total").get("received").asLong()).isZero();
        assertThat(report.get("total").get("signedOnTimeRate").isNull()).isTrue();
    }

    @Test
    void theDefaultPeriodIsTheCurrentMonth() {
        JsonNode report = report("groupBy=district");
        assertThat(report.get("from").asText()).endsWith("-01");
        assertThat(report.get("to").asText())
                .startsWith(report.get("from").asText().substring(0, 8));
    }
}
