package hotline.gateway.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.LocalClients;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outreach end to end against the real PostgreSQL and Artemis: small feeds of each department posted by their own
 * clients, a matching run, the exact visit tickets on the exact town queues with their explanations, none on a rerun;
 * the tag index, a logged household read and the outreach report.
 */
class OutreachEndToEndTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SNAPSHOT = "2026-11-30";

    /**
     * The small feeds' residents and households. A finding's id, and so its visit's request, follows from the
     * household and its facts, and the integration tests share one database: another test that loads these feeds
     * takes residents and household numbers of its own ({@code shift} above 0).
     */
    record Residents(int shift) {
        // 长桥街道 310104010: an 82-year-old living alone with a chronic illness, no income facts (labels only).
        String alone() {
            return ResidentIds.of("310104", "19440315", 11 + shift);
        }

        // 长桥街道: an unemployed father, his wife on benefits, a student son: income a lower bound (HR and social
        // security).
        String father() {
            return ResidentIds.of("310104", "19860101", 21 + shift);
        }

        String mother() {
            return ResidentIds.of("310104", "19880202", 22 + shift);
        }

        String son() {
            return ResidentIds.of("310104", "20140303", 23 + shift);
        }

        // 真如镇街道 310107022: a means-tested single person on temporary assistance, income 2,000: low-income, not
        // received.
        String single() {
            return ResidentIds.of("310107", "19700404", 31 + shift);
        }

        // 真如镇街道: on the subsistence allowance already, income 900: covered, no ticket.
        String receiving() {
            return ResidentIds.of("310107", "19650505", 41 + shift);
        }

        // 东明路街道 310115015: severely disabled with a spouse, pension 9,000: a label, no program, no combination.
        String disabled() {
            return ResidentIds.of("310115", "19760606", 51 + shift);
        }

        String spouse() {
            return ResidentIds.of("310115", "19740707", 52 + shift);
        }

        String household(String number) {
            return shift == 0 ? number : number + "-" + shift;
        }
    }

    static final Residents OWN = new Residents(0);
    static final String ALONE = OWN.alone();
    static final String FATHER = OWN.father();
    static final String MOTHER = OWN.mother();
    static final String SON = OWN.son();
    static final String SINGLE = OWN.single();
    static final String RECEIVING = OWN.receiving();
    static final String DISABLED = OWN.disabled();
    static final String SPOUSE = OWN.spouse();

    @Autowired
    JdbcTemplate jdbc;

    private Response post(String feed, String client, String contentType, String body) {
        return post(gateway(), feed, client, contentType, body);
    }

    private static Response post(GatewayClient gateway, String feed, String client, String contentType, String body) {
        return gateway.as(client, "local-only-" + client + "-key")
                .post("/api/v1/outreach/feeds/" + feed + "?snapshotDate=" + SNAPSHOT, contentType, body);
    }

    private GatewayClient operator() {
        return gateway().as(LocalClients.OPERATOR, LocalClients.OPERATOR_KEY);
    }

    private GatewayClient manager() {
        return gateway().as(LocalClients.MANAGER, LocalClients.MANAGER_KEY);
    }

    /**
     * Posts the small feeds of each department, each by its department's client: one file per feed holding the rows
     * of every set of residents given (three towns' households per set).
     */
    static void loadFeeds(GatewayClient gateway, Residents... sets) {
        StringBuilder population =
                new StringBuilder("id_number,household_no,community_code,address,living_alone,name,phone\n");
        StringBuilder civilAffairs = new StringBuilder();
        StringBuilder health =
                new StringBuilder("id_number,chronic_illness,hospital_days,out_of_pocket,period_months\n");
        StringBuilder hr = new StringBuilder("id_number,registered_unemployed,benefits,pension\n");
        StringBuilder education = new StringBuilder("id_number,student,fee_waiver\n");
        StringBuilder disability = new StringBuilder("id_number,grade,kind\n");
        for (Residents r : sets) {
            population
                    .append(r.alone() + "," + r.household("H-CQ-1") + ",310104010001,长桥新村1号101室,true,王阿婆,13600001111\n")
                    .append(r.father() + "," + r.household("H-CQ-2")
                            + ",310104010002,长桥二村5号202室,false,李强,13600002222\n")
                    .append(r.mother() + "," + r.household("H-CQ-2") + ",310104010002,长桥二村5号202室,false,张敏,\n")
                    .append(r.son() + "," + r.household("H-CQ-2") + ",310104010002,长桥二村5号202室,false,李小明,\n")
                    .append(r.single() + "," + r.household("H-ZR-1") + ",310107022001,真如镇路8号,true,赵刚,13600003333\n")
                    .append(r.receiving() + "," + r.household("H-ZR-2") + ",310107022001,真如镇路9号,true,钱芳,13600004444\n")
                    .append(r.disabled() + "," + r.household("H-DM-1") + ",310115015001,东明路100号,false,孙伟,13600005555\n")
                    .append(r.spouse() + "," + r.household("H-DM-1") + ",310115015001,东明路100号,false,周丽,\n");
            civilAffairs
                    .append("{\"id_number\":\"" + r.single() + "\",\"program\":\"临时救助\",\"since\":\"2026-10-01\","
                            + "\"assessed_income\":2000}\n")
                    .append("{\"id_number\":\"" + r.receiving() + "\",\"program\":\"SUBSISTENCE_ALLOWANCE\","
                            + "\"since\":\"2025-01-01\",\"assessed_income\":900}\n");
            health.append(r.alone() + ",true,12,2400,12\n");
            hr.append(r.father() + ",true,900,\n")
                    .append(r.mother() + ",false,500,\n")
                    .append(r.disabled() + ",false,,9000\n");
            education.append(r.son() + ",true,false\n");
            disability.append(r.disabled() + ",1,肢体\n");
        }
        population.append("310104194403151234,H-BAD,310104010001,坏行,true,,\n");
        Response loaded = post(gateway, "population", "dept-population", "text/csv", population.toString());
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        JsonNode result = loaded.json();
        assertThat(result.get("loaded").asInt()).isEqualTo(8 * sets.length);
        assertThat(result.get("rejected").asInt()).isEqualTo(1);
        assertThat(result.at("/errors/0/line").asInt()).isEqualTo(8 * sets.length + 2);
        assertThat(result.at("/errors/0/errors/0/field").asText()).isEqualTo("id_number");

        assertThat(post(gateway, "civil-affairs", "dept-civil-affairs", "application/jsonl", civilAffairs.toString())
                        .status())
                .isEqualTo(200);
        assertThat(post(gateway, "health", "dept-health", "text/csv", health.toString())
                        .status())
                .isEqualTo(200);
        assertThat(post(gateway, "hr-social-security", "dept-hr-social-security", "text/csv", hr.toString())
                        .status())
                .isEqualTo(200);
        assertThat(post(gateway, "education", "dept-education", "text/csv", education.toString())
                        .status())
                .isEqualTo(200);
        assertThat(post(gateway, "disability", "dept-disability", "text/csv", disability.toString())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void feedsOfEachDepartmentMakeTheExactVisitTicketsOnTheTownsQueuesAndNoneOnARerun() throws Exception {
        EmptyRegister.reset(jdbc);
        long requestsBefore = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM service_request", Long.class);
        loadFeeds(gateway(), OWN);

        Response dryRun = operator().post("/api/v1/outreach/match-runs?dryRun=true", "application/json", "");
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().get("findings").asInt()).as(dryRun.body()).isEqualTo(3);
        assertThat(dryRun.json().get("wouldOpenPerOffice").toString()).isEqualTo("{\"310104010\":2,\"310107022\":1}");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outreach_finding", Integer.class))
                .isZero();

        Response run = operator().post("/api/v1/outreach/match-runs", "application/json", "");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("status").asText()).isEqualTo("DONE");
        assertThat(run.json().get("findings").asInt()).isEqualTo(3);
        assertThat(run.json().get("ticketsOpened").asInt()).isEqualTo(3);

        Map<String, String> ticketByHousehold = jdbc
                .queryForList(
                        "SELECT h.address, f.ticket_no FROM outreach_finding f JOIN outreach_household h ON h.key = f.household")
                .stream()
                .collect(Collectors.toMap(r -> (String) r.get("address"), r -> (String) r.get("ticket_no")));
        assertThat(ticketByHousehold).containsOnlyKeys("长桥新村1号101室", "长桥二村5号202室", "真如镇路8号");

        JsonNode alone = message("tickets.310104010", ticketByHousehold.get("长桥新村1号101室"));
        assertThat(alone.get("source").asText()).isEqualTo("DATA_MATCH");
        assertThat(alone.at("/assignment/code").asText()).isEqualTo("310104010");
        assertThat(alone.at("/details/labels").asText().split(","))
                .containsExactlyInAnyOrder("CHRONIC_ILLNESS", "ELDERLY_80_ALONE", "ELDERLY_ALONE");
        assertThat(alone.at("/details/combinations").asText()).isEqualTo("ALONE_AND_ILL");
        assertThat(alone.at("/details/programs").asText()).isEmpty();
        assertThat(alone.get("findings").asText())
                .isEqualTo(
                        "ALONE_AND_ILL: ELDERLY_80_ALONE and (CHRONIC_ILLNESS or SEVERE_ILLNESS or SEVERE_DISABILITY)");
        assertThat(alone.get("content").asText()).contains("高龄独居老人").contains("高龄独居且患病或重残");
        assertThat(alone.at("/contact/phone").asText()).isEqualTo("13600001111");
        assertThat(program(alone.get("assessment"), "SUBSISTENCE_ALLOWANCE")
                        .get("outcome")
                        .asText())
                .isEqualTo("NEEDS_ASSESSMENT");

        JsonNode family = message("tickets.310104010", ticketByHousehold.get("长桥二村5号202室"));
        assertThat(family.at("/details/programs").asText())
                .isEqualTo("SUBSISTENCE_ALLOWANCE:LIKELY,MEDICAL_ASSISTANCE:LIKELY,EDUCATION_ASSISTANCE:LIKELY");
        assertThat(family.at("/details/labels").asText().split(","))
                .contains("REGISTERED_UNEMPLOYED", "UNEMPLOYED_WITH_MINOR", "INCOME_BELOW_LOW_INCOME_LINE");
        assertThat(family.get("findings").asText())
                .contains("SUBSISTENCE_ALLOWANCE LIKELY: household income 1,400 < household standard")
                .contains("the household's income is a lower bound");
        assertThat(family.at("/household/size").asInt()).isEqualTo(3);

        JsonNode single = message("tickets.310107022", ticketByHousehold.get("真如镇路8号"));
        assertThat(single.at("/details/programs").asText())
                .isEqualTo("LOW_INCOME_FAMILY:ELIGIBLE,MEDICAL_ASSISTANCE:ELIGIBLE");
        assertThat(single.get("findings").asText())
                .contains("LOW_INCOME_FAMILY ELIGIBLE: per-capita income 2,000 is not below subsistence standard 1,330")
                .contains("per-capita income 2,000 < low-income line");
        // The visit's own RESOLVE target: 10 working days after it was opened (the office's SIGN and CONTACT as usual).
        Map<String, Object> targets = jdbc.queryForMap(
                "SELECT a.sign_due_at IS NOT NULL AS sign, a.resolve_due_at > a.started_at + interval '13 days' AS resolve"
                        + " FROM ticket_assignment a JOIN ticket t ON t.id = a.ticket_id WHERE t.ticket_no = ?",
                ticketByHousehold.get("真如镇路8号"));
        assertThat(targets).containsEntry("sign", true).containsEntry("resolve", true);

        // A rerun with nothing changed assesses nothing and opens nothing; the same feed again changes nothing.
        Response again = operator().post("/api/v1/outreach/match-runs", "application/json", "");
        assertThat(again.json().get("candidates").asInt()).isZero();
        assertThat(again.json().get("ticketsOpened").asInt()).isZero();
        assertThat(again.json().at("/register/rebuilt").asBoolean()).isFalse();
        assertThat(post(
                                "education",
                                "dept-education",
                                "text/csv",
                                "id_number,student,fee_waiver\n" + SON + ",true,false\n")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("UNCHANGED");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM service_request WHERE source = 'DATA_MATCH' AND id > ?",
                        Integer.class,
                        requestsBefore))
                .isEqualTo(3);
        assertThat(broker().count("tickets.310104010", ticketByHousehold.get("长桥新村1号101室")))
                .isZero();

        // The tag index, a logged household read, and the report with small counts hidden.
        Response index = manager().get("/api/v1/outreach/index?query=ELDERLY_80_ALONE%20and%20CHRONIC_ILLNESS");
        assertThat(index.status()).as(index.body()).isEqualTo(200);
        assertThat(index.json().get("total").asInt()).isEqualTo(1);
        assertThat(index.json().at("/groups/0/town").asText()).isEqualTo("310104010");
        Response community = gateway()
                .as("community-cq-01", "local-only-community-cq-01-key")
                .get("/api/v1/outreach/index?query=REGISTERED_UNEMPLOYED%20or%20ELDERLY_ALONE&list=true");
        assertThat(community.json().get("total").asInt()).isEqualTo(1);
        assertThat(community.json().at("/items/0/community_code").asText()).isEqualTo("310104010001");

        String key =
                jdbc.queryForObject("SELECT key FROM outreach_household WHERE address = '长桥新村1号101室'", String.class);
        Response noPurpose = manager().get("/api/v1/outreach/households/" + key);
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.body()).contains("purpose");
        Response read = manager().get("/api/v1/outreach/households/" + key + "?purpose=visit%20preparation");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().at("/persons/0/phone").asText()).doesNotContain("13600001111");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outreach_access_log WHERE household = ? AND reader = ?"
                                + " AND purpose = 'visit preparation'",
                        Integer.class,
                        key,
                        LocalClients.MANAGER))
                .isEqualTo(1);

        // The office resolves the visit with its outcome; the next run keeps it in the register.
        String aloneTicket = ticketByHousehold.get("长桥新村1号101室");
        for (String event : List.of(
                "{\"eventId\":\"v-sign\",\"type\":\"SIGN\",\"actor\":\"staff-1\",\"office\":\"310104010\"}",
                "{\"eventId\":\"v-resolve\",\"type\":\"RESOLVE\",\"actor\":\"staff-1\",\"office\":\"310104010\","
                        + "\"result\":\"visited: a pension abroad, not in need\",\"outcome\":\"NOT_ELIGIBLE\"}")) {
            Response applied = operator().postJson("/api/v1/tickets/" + aloneTicket + "/events", event);
            assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        }
        Response badOutcome = operator()
                .postJson(
                        "/api/v1/tickets/" + aloneTicket + "/events",
                        "{\"eventId\":\"v-x\",\"type\":\"PROGRESS\",\"actor\":\"s\",\"office\":\"310104010\","
                                + "\"note\":\"n\",\"outcome\":\"APPLIED\"}");
        assertThat(badOutcome.status()).isEqualTo(400);
        assertThat(badOutcome.body()).contains("\"field\":\"outcome\"");
        operator().post("/api/v1/outreach/match-runs", "application/json", "");
        assertThat(jdbc.queryForMap(
                        "SELECT last_outcome, outcome_facts_hash = facts_hash AS same_facts,"
                                + " last_visit_at IS NOT NULL AS visited FROM outreach_household WHERE key = ?",
                        key))
                .containsEntry("last_outcome", "NOT_ELIGIBLE")
                .containsEntry("same_facts", true)
                .containsEntry("visited", true);

        Response report = manager().get("/api/v1/reports/outreach");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("visits").toString()).contains("\"opened\":\"<5\"");
    }

    @Test
    void aDepartmentPostsItsOwnFeedOnly() {
        Response other =
                post("health", "dept-education", "text/csv", "id_number,chronic_illness\n" + ALONE + ",true\n");

        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).contains("\"field\":\"feed\"");
        Response noDate = gateway()
                .as("dept-health", "local-only-dept-health-key")
                .post("/api/v1/outreach/feeds/health", "text/csv", "id_number\n");
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.body()).contains("snapshotDate");
        Response unknownColumn = post("health", "dept-health", "text/csv", "id_number,shoe_size\n" + ALONE + ",42\n");
        assertThat(unknownColumn.status()).isEqualTo(400);
        assertThat(unknownColumn.body()).contains("shoe_size");
    }

    private static JsonNode message(String queue, String ticketNo) throws Exception {
        List<TextMessage> messages = broker().take(queue, ticketNo, 10_000);
        assertThat(messages).as("messages of " + ticketNo + " on " + queue).hasSize(1);
        return JSON.readTree(messages.get(0).getText());
    }

    private static JsonNode program(JsonNode assessment, String program) {
        for (JsonNode entry : assessment.get("programs")) {
            if (entry.get("program").asText().equals(program)) {
                return entry;
            }
        }
        throw new AssertionError(program + " not assessed: " + assessment);
    }
}
