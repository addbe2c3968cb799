package hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.Tickets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A district manager (a MANAGER key scoped to one district) sees its district's rows and overdue tickets only, and
 * its district's tickets whole; asking for another district is 403 naming district. On the fixture of March 2025:
 * 徐汇区 (310104) has 天平路, 湖南路 and the district desk; 黄浦区 (310101) 南京东路 and 外滩.
 */
class DistrictManagerReportsEndToEndTest extends ReportFixtureEndToEndTest {

    private GatewayClient xuhui;

    @BeforeEach
    void xuhuiManager() {
        Response made = gateway().postJson("/api/v1/admin/clients", """
                {"id": "manager-310104-%s", "role": "MANAGER", "scope": "310104"}
                """.formatted(
                        UUID.randomUUID().toString().substring(0, 8)));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        xuhui = gateway()
                .as(
                        made.json().at("/client/id").asText(),
                        made.json().at("/key/key").asText());
    }

    private static List<String> keys(JsonNode report) {
        List<String> keys = new ArrayList<>();
        report.get("groups").forEach(group -> keys.add(group.get("key").asText()));
        return keys;
    }

    @Test
    void itsReportsCoverItsDistrictOnly() {
        Response towns = xuhui.get("/api/v1/reports/sla?" + PERIOD + "&groupBy=town");
        assertThat(towns.status()).as(towns.body()).isEqualTo(200);
        assertThat(keys(towns.json())).containsExactly("310104", "310104003", "310104004");
        assertThat(towns.json().get("district").asText()).isEqualTo("310104");
        assertThat(keys(xuhui.get("/api/v1/reports/sla?" + PERIOD + "&groupBy=district")
                        .json()))
                .containsExactly("310104");
        assertThat(keys(gateway()
                        .get("/api/v1/reports/sla?" + PERIOD + "&groupBy=district")
                        .json()))
                .contains("310104", "310101", "city");
        assertThat(xuhui.get("/api/v1/reports/sla?" + PERIOD + "&district=310104")
                        .status())
                .isEqualTo(200);

        JsonNode overdue = xuhui.get("/api/v1/reports/overdue?size=200").json();
        assertThat(overdue.get("items")).isNotEmpty();
        assertThat(overdue.get("items"))
                .allSatisfy(
                        item -> assertThat(item.at("/office/district").asText()).isEqualTo("310104"));
    }

    @Test
    void askingForAnotherDistrictIs403NamingDistrict() {
        for (String path : new String[] {
            "/api/v1/reports/sla?" + PERIOD + "&district=310101", "/api/v1/reports/overdue?district=310101"
        }) {
            Response refused = xuhui.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("district");
        }
    }

    @Test
    void itSeesItsDistrictsTicketsWholeAndNoOthers() {
        Tickets tickets = new Tickets(gateway());
        String tianping = tickets.newCall("310104003", false);
        String nanjingEast = tickets.newCall("310101002", false);

        assertThat(xuhui.get("/api/v1/tickets/" + tianping).json().has("events"))
                .isTrue();
        assertThat(xuhui.get("/api/v1/tickets/" + nanjingEast).status()).isEqualTo(404);
    }
}
