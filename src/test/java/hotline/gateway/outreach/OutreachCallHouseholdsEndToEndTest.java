package hotline.gateway.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.LocalClients;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Households found through calls join the register keyed by their ticket and address, and merge into the household a
 * feed names: by the resident ID the call gave, or by the same address as exactly one feed household of the town.
 * The community's well-being list then holds each household once; an address two feed households share merges
 * nothing, and a call nobody names stays keyed by its ticket.
 */
class OutreachCallHouseholdsEndToEndTest extends GatewayIntegrationTest {

    private static final String COMMUNITY = "310104010004";
    // 长桥街道: a widow of 86 on her own and ill; a couple (the wife calls, with her ID number); two flats sharing a
    // house number, upstairs another 85-year-old living alone and ill.
    static final String WIDOW = ResidentIds.of("310104", "19400303", 71);
    static final String WIFE = ResidentIds.of("310104", "19800404", 72);
    static final String HUSBAND = ResidentIds.of("310104", "19790505", 73);
    static final String UPSTAIRS = ResidentIds.of("310104", "19410606", 74);
    static final String DOWNSTAIRS = ResidentIds.of("310104", "19610707", 75);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Pseudonyms pseudonyms;

    private GatewayClient operator() {
        return gateway().as(LocalClients.OPERATOR, LocalClients.OPERATOR_KEY);
    }

    private String call(String callId, String idNumber, String address) {
        String received = OffsetDateTime.now(ZoneOffset.ofHours(8))
                .minusMinutes(5)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String caller = idNumber == null
                ? "{\"name\":\"来电人\",\"phone\":\"13900001111\"}"
                : "{\"name\":\"来电人\",\"phone\":\"13900001111\",\"idNumber\":\"" + idNumber + "\"}";
        Response response = gateway()
                .as(LocalClients.HOTLINE, LocalClients.HOTLINE_KEY)
                .postJson(
                        "/api/v1/calls",
                        "{\"callId\":\"" + callId + "\",\"receivedAt\":\"" + received + "\",\"channel\":\"PHONE\","
                                + "\"caller\":" + caller + ",\"location\":{\"townCode\":\"310104010\",\"community\":\""
                                + COMMUNITY + "\",\"address\":\"" + address + "\"},"
                                + "\"content\":\"家里收入很低，生活困难，想申请低保。\",\"operatorId\":\"op-1\","
                                + "\"household\":{\"size\":1,\"monthlyIncome\":800}}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("ticketNo").asText();
    }

    @Test
    void callsHouseholdsMergeIntoTheHouseholdAFeedNamesAndTheListHoldsEachOnce() {
        EmptyRegister.reset(jdbc); // only this test's calls join the register

        String byAddress = call("HL-MERGE-1", null, "徐汇区 长桥四村１号101室");
        String byId = call("HL-MERGE-2", WIFE, "长桥四村99号");
        String shared = call("HL-MERGE-3", null, "长桥四村3号");
        String unknown = call("HL-MERGE-4", null, "长桥五村9号");

        Response population = gateway()
                .as("dept-population", "local-only-dept-population-key")
                .post(
                        "/api/v1/outreach/feeds/population?snapshotDate=2026-11-30",
                        "text/csv",
                        "id_number,household_no,community_code,address,living_alone,name,phone\n"
                                + WIDOW + ",H-MG-1," + COMMUNITY + ",长桥四村1号101室,true,林阿姨,\n"
                                + WIFE + ",H-MG-2," + COMMUNITY + ",长桥四村2号202室,false,许梅,\n"
                                + HUSBAND + ",H-MG-2," + COMMUNITY + ",长桥四村2号202室,false,何平,\n"
                                + UPSTAIRS + ",H-MG-3," + COMMUNITY + ",长桥四村3号,true,,\n"
                                + DOWNSTAIRS + ",H-MG-4," + COMMUNITY + ",长桥四村3号,true,,\n");
        assertThat(population.status()).as(population.body()).isEqualTo(200);
        Response health = gateway()
                .as("dept-health", "local-only-dept-health-key")
                .post(
                        "/api/v1/outreach/feeds/health?snapshotDate=2026-11-30",
                        "text/csv",
                        "id_number,chronic_illness\n" + WIDOW + ",true\n" + UPSTAIRS + ",true\n");
        assertThat(health.status()).as(health.body()).isEqualTo(200);

        Response run = operator().post("/api/v1/outreach/match-runs", "application/json", "");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().at("/register/householdsFromCalls").asInt()).isEqualTo(4);
        assertThat(run.json().at("/register/callsMergedByResidentId").asInt()).isEqualTo(1);
        assertThat(run.json().at("/register/callsMergedByAddress").asInt()).isEqualTo(1);
        // Both elders alone and ill are a risk combination; the widow's household has the open ticket of the call
        // that found it, so only upstairs gets a visit ticket.
        assertThat(jdbc.queryForList(
                        "SELECT household FROM outreach_finding WHERE ticket_no IS NOT NULL", String.class))
                .containsExactly(pseudonyms.household("H-MG-3"));

        assertThat(household("T:" + byAddress))
                .containsEntry("merged_into", pseudonyms.household("H-MG-1"))
                .containsEntry("merged_by", "ADDRESS")
                .containsEntry("active", false);
        assertThat(household("T:" + byId))
                .containsEntry("merged_into", pseudonyms.household("H-MG-2"))
                .containsEntry("merged_by", "RESIDENT_ID")
                .containsEntry("active", false);
        assertThat(household("T:" + shared)).containsEntry("merged_into", null).containsEntry("active", true);
        assertThat(household("T:" + unknown)).containsEntry("merged_into", null).containsEntry("active", true);
        assertThat(household(pseudonyms.household("H-MG-1"))).containsEntry("call_found_by", "HOTLINE");
        assertThat(household(pseudonyms.household("H-MG-3"))).containsEntry("call_found_by", null);

        // The well-being list of the community: four feed households and the two calls nobody named, each once.
        assertThat(jdbc.queryForList(
                        "SELECT coalesce(call_found_by, found_by) FROM outreach_household"
                                + " WHERE active AND community_code = ? ORDER BY 1",
                        String.class,
                        COMMUNITY))
                .containsExactly("FEED", "FEED", "HOTLINE", "HOTLINE", "HOTLINE", "HOTLINE");
        Response report = gateway()
                .as(LocalClients.MANAGER, LocalClients.MANAGER_KEY)
                .get("/api/v1/reports/outreach?groupBy=community");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode foundBy = report.json().get("foundBy");
        assertThat(foundBy.toString())
                .contains("{\"area\":\"" + COMMUNITY + "\",\"found_by\":\"FEED\",\"households\":\"<5\"")
                .contains("{\"area\":\"" + COMMUNITY + "\",\"found_by\":\"HOTLINE\",\"households\":\"<5\"");

        // A rerun merges nothing twice and adds no household.
        operator().post("/api/v1/outreach/match-runs", "application/json", "");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outreach_household WHERE community_code = ?", Integer.class, COMMUNITY))
                .isEqualTo(8);
    }

    private Map<String, Object> household(String key) {
        return jdbc.queryForMap(
                "SELECT merged_into, merged_by, active, call_found_by FROM outreach_household WHERE key = ?", key);
    }
}
