package hotline.gateway.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.LocalClients;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A residents' committee made through the admin API (a MANAGER scoped to its community's 12-digit code) sees its
 * community's list through every outreach endpoint, and nothing else: another community's households and areas are
 * refused or not found, and the rest of the API (matching, feeds, re-key, SLA reports, the dashboard, admin) is 403.
 */
class OutreachCommunityScopeEndToEndTest extends GatewayIntegrationTest {

    private static final String OURS = "310104010005";
    private static final String THEIRS = "310104010006";
    static final String OUR_ELDER = ResidentIds.of("310104", "19400101", 81);
    static final String OUR_OTHER_ELDER = ResidentIds.of("310104", "19410202", 82);
    static final String THEIR_ELDER = ResidentIds.of("310104", "19420303", 83);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Pseudonyms pseudonyms;

    private GatewayClient operator() {
        return gateway().as(LocalClients.OPERATOR, LocalClients.OPERATOR_KEY);
    }

    @Test
    void aResidentsCommitteeSeesItsCommunitysListOnly() {
        EmptyRegister.reset(jdbc);
        Response population = gateway()
                .as("dept-population", "local-only-dept-population-key")
                .post(
                        "/api/v1/outreach/feeds/population?snapshotDate=2026-11-30",
                        "text/csv",
                        "id_number,household_no,community_code,address,living_alone,name,phone\n"
                                + OUR_ELDER + ",H-CS-1," + OURS + ",长桥五村1号,true,,\n"
                                + OUR_OTHER_ELDER + ",H-CS-2," + OURS + ",长桥五村2号,true,,\n"
                                + THEIR_ELDER + ",H-CS-3," + THEIRS + ",长桥六村1号,true,,\n");
        assertThat(population.status()).as(population.body()).isEqualTo(200);
        assertThat(operator()
                        .post("/api/v1/outreach/match-runs", "application/json", "")
                        .status())
                .isEqualTo(200);

        // The admin API makes the committee's client; a community in no known town, or a malformed one, is refused.
        String id = "committee-" + UUID.randomUUID().toString().substring(0, 8);
        Response made = operator()
                .postJson(
                        "/api/v1/admin/clients",
                        "{\"id\":\"" + id + "\",\"role\":\"MANAGER\",\"scope\":\"" + OURS + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        for (String bad : List.of("310104999001", "3101040100", "31010401000A")) {
            Response refused = operator()
                    .postJson(
                            "/api/v1/admin/clients",
                            "{\"id\":\"" + id + "-x\",\"role\":\"MANAGER\",\"scope\":\"" + bad + "\"}");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"scope\"").contains("community's 12-digit code");
        }
        GatewayClient committee = gateway().as(id, made.json().at("/key/key").asText());

        // The tag index: households and persons of its community only, counted and listed.
        Response households = committee.get("/api/v1/outreach/index?query=ELDERLY_ALONE&list=true&groupBy=community");
        assertThat(households.status()).as(households.body()).isEqualTo(200);
        assertThat(households.json().get("total").asInt()).isEqualTo(2);
        assertThat(values(households.json().get("items"), "community_code")).containsOnly(OURS);
        assertThat(values(households.json().get("groups"), "community")).containsExactly(OURS);
        Response persons = committee.get("/api/v1/outreach/index?query=ELDERLY_ALONE&unit=person&list=true");
        assertThat(persons.json().get("total").asInt()).isEqualTo(2);
        assertThat(values(persons.json().get("items"), "community_code")).containsOnly(OURS);
        for (String area : List.of(THEIRS, "310104010", "310104")) {
            Response outside = committee.get("/api/v1/outreach/index?query=ELDERLY_ALONE&area=" + area);
            assertThat(outside.status()).as(area).isEqualTo(403);
            assertThat(outside.body()).contains("\"field\":\"area\"");
        }
        // Its own household's facts, read with a purpose; another community's is not found.
        Response own = committee.get(
                "/api/v1/outreach/households/" + pseudonyms.household("H-CS-1") + "?purpose=home%20visit%20round");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        Response other = committee.get(
                "/api/v1/outreach/households/" + pseudonyms.household("H-CS-3") + "?purpose=home%20visit%20round");
        assertThat(other.status()).isEqualTo(404);
        // The outreach report: its community only.
        Response report = committee.get("/api/v1/reports/outreach?groupBy=community");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("scope").asText()).isEqualTo(OURS);
        assertThat(values(report.json().get("foundBy"), "area")).containsOnly(OURS);
        assertThat(values(report.json().get("flaggedPerLabel"), "area")).containsOnly(OURS);

        // Nothing else: matching, its status, feeds, re-keying, the SLA reports, the dashboard, the admin API.
        assertThat(committee.get("/api/v1/outreach/match-runs/current").status())
                .isEqualTo(403);
        assertThat(committee
                        .post("/api/v1/outreach/match-runs", "application/json", "")
                        .status())
                .isEqualTo(403);
        assertThat(committee
                        .post("/api/v1/outreach/feeds/population?snapshotDate=2026-11-30", "text/csv", "id_number\n")
                        .status())
                .isEqualTo(403);
        assertThat(committee
                        .post("/api/v1/outreach/rekey", "text/csv", "id_number\n")
                        .status())
                .isEqualTo(403);
        assertThat(committee
                        .get("/api/v1/reports/sla?from=2026-11-01&to=2026-11-30")
                        .status())
                .isEqualTo(403);
        assertThat(committee.get("/dashboard").status()).isEqualTo(403);
        assertThat(committee.get("/api/v1/admin/clients").status()).isEqualTo(403);
    }

    private static List<String> values(JsonNode rows, String field) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.get(field).asText()));
        return values;
    }
}
