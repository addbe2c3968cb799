package hotline.gateway.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.SampleCalls;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Assessments on tickets, queue messages and answers; the criteria and assessment endpoints. */
class CriteriaEndToEndTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUEUE = "tickets.310107005";

    @Autowired
    JdbcTemplate jdbc;

    /** Sample call 1 (a subsistence and medical need in 曹杨新村街道), received at the given time, 3 adults, 3,800 CNY. */
    private static ObjectNode call(String receivedAt) throws Exception {
        ObjectNode call = SampleCalls.byId("DEV-2026-0001").withCallId("CRIT-" + UUID.randomUUID());
        call.put("receivedAt", receivedAt);
        call.set("household", JSON.readTree("""
                {"size": 3, "monthlyIncome": 3800, "members": [{"age": 57}, {"age": 63, "chronicIllness": true},
                 {"age": 30, "ableToWork": true, "unemployed": true}]}
                """));
        return call;
    }

    private static JsonNode program(JsonNode assessment, String program) {
        for (JsonNode entry : assessment.get("programs")) {
            if (entry.get("program").asText().equals(program)) {
                return entry;
            }
        }
        throw new AssertionError(program + " not assessed: " + assessment);
    }

    @Test
    void aCallsAssessmentIsAnsweredStoredAndSentToTheOfficeUnderItsCriteriaVersion() throws Exception {
        String call = call("2021-07-01T00:10:00+08:00").toString();
        Response response = gateway().postJson("/api/v1/calls", call);

        assertThat(response.status()).isEqualTo(201);
        JsonNode assessment = response.json().get("assessment");
        String version = assessment.get("criteriaVersion").asText();
        assertThat(version).matches("[0-9a-f]{12}");
        assertThat(assessment.get("date").asText()).isEqualTo("2021-07-01");
        JsonNode subsistence = program(assessment, "SUBSISTENCE_ALLOWANCE");
        assertThat(subsistence.get("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(subsistence.get("reasons").get(0).asText())
                .isEqualTo("per-capita income 1,266.67 < subsistence standard 1,330 (from 2021-07-01)");
        assertThat(program(assessment, "MEDICAL_ASSISTANCE").get("outcome").asText())
                .isEqualTo("ELIGIBLE");

        String ticketNo = response.json().get("ticketNo").asText();
        List<TextMessage> messages = broker().take(QUEUE, ticketNo, 10_000);
        assertThat(messages).hasSize(1);
        assertThat(JSON.readTree(messages.get(0).getText()).get("assessment")).isEqualTo(assessment);

        // The assessment is the household's business: the hotline sees it, anyone with the ticket number does not.
        JsonNode ticket = gateway()
                .as("hotline", "hotline-local")
                .get("/api/v1/tickets/" + ticketNo)
                .json();
        assertThat(ticket.get("assessment")).isEqualTo(assessment);
        String code = response.json().get("trackingCode").asText();
        assertThat(gateway()
                        .anonymous()
                        .header("X-Tracking-Code", code)
                        .get("/api/v1/tickets/" + ticketNo)
                        .json()
                        .has("assessment"))
                .isFalse();
        assertThat(gateway()
                        .as("office-310101002", "office-local")
                        .header("X-Tracking-Code", code)
                        .get("/api/v1/tickets/" + ticketNo)
                        .json()
                        .has("assessment"))
                .isFalse();
        assertThat(jdbc.queryForObject(
                        "SELECT t.assessment ->> 'criteriaVersion' FROM ticket t WHERE ticket_no = ?",
                        String.class,
                        ticketNo))
                .isEqualTo(version);
        assertThat(jdbc.queryForObject(
                        "SELECT document -> 'files' -> 'subsistence.yml' -> 'programs' "
                                + "-> 'SUBSISTENCE_ALLOWANCE' ->> 'name' FROM criteria_version WHERE version = ?",
                        String.class,
                        version))
                .contains("低保");

        // The hotline system's retry gets the same assessment back.
        Response retry = gateway().postJson("/api/v1/calls", call);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("assessment")).isEqualTo(assessment);
    }

    @Test
    void aCallReceivedJustBeforeMidnightOfTheChangeIsAssessedUnderTheOldStandard() throws Exception {
        Response response = gateway()
                .postJson("/api/v1/calls", call("2021-06-30T23:59:00+08:00").toString());

        JsonNode subsistence = program(response.json().get("assessment"), "SUBSISTENCE_ALLOWANCE");
        assertThat(subsistence.get("outcome").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(subsistence.get("reasons").get(0).asText())
                .isEqualTo("per-capita income 1,266.67 is not below subsistence standard 1,240 (from 2020-04-01)");
        broker().take(QUEUE, response.json().get("ticketNo").asText(), 10_000);
    }

    @Test
    void aSuddenCrisisMakesTheTicketUrgentAndSaysWhy() throws Exception {
        ObjectNode call = call("2026-03-01T10:00:00+08:00");
        ((ObjectNode) call.get("household")).put("suddenHardship", true);
        Response response = gateway().postJson("/api/v1/calls", call.toString());

        assertThat(response.json().get("priority").asText()).isEqualTo("URGENT");
        JsonNode temporary = program(response.json().get("assessment"), "TEMPORARY_ASSISTANCE");
        assertThat(temporary.get("urgent").asBoolean()).isTrue();
        String ticketNo = response.json().get("ticketNo").asText();
        assertThat(jdbc.queryForObject("SELECT urgency::text FROM ticket WHERE ticket_no = ?", String.class, ticketNo))
                .contains("TEMPORARY_ASSISTANCE: sudden hardship reported");
        List<TextMessage> messages = broker().take(QUEUE, ticketNo, 10_000);
        assertThat(messages.get(0).getJMSPriority()).isEqualTo(8);
    }

    @Test
    void aCallWithoutHouseholdFactsAsksForAVisitAndACallNoProgramServesHasNoAssessment() throws Exception {
        ObjectNode call = call("2026-03-01T10:00:00+08:00");
        call.remove("household");
        Response unknown = gateway().postJson("/api/v1/calls", call.toString());
        JsonNode subsistence = program(unknown.json().get("assessment"), "SUBSISTENCE_ALLOWANCE");
        assertThat(subsistence.get("outcome").asText()).isEqualTo("NEEDS_ASSESSMENT");
        assertThat(subsistence.get("missingFacts"))
                .extracting(JsonNode::asText)
                .containsExactly("household.monthlyIncome", "household.size");

        Response streetLights = gateway()
                .postJson(
                        "/api/v1/calls",
                        SampleCalls.byId("DEV-2026-0005")
                                .withCallId("CRIT-" + UUID.randomUUID())
                                .toString());
        assertThat(streetLights.status()).isEqualTo(201);
        assertThat(streetLights.json().at("/needs/primary").asText()).isEqualTo("URBAN_MANAGEMENT");
        assertThat(streetLights.json().has("assessment")).isFalse();
        String ticketNo = streetLights.json().get("ticketNo").asText();
        assertThat(gateway()
                        .as("hotline", "hotline-local")
                        .get("/api/v1/tickets/" + ticketNo)
                        .json()
                        .has("assessment"))
                .isFalse();
        assertThat(jdbc.queryForObject(
                        "SELECT assessment IS NULL FROM ticket WHERE ticket_no = ?", Boolean.class, ticketNo))
                .isTrue();
    }

    @Test
    void theCriteriaInForceAreThoseOfTheDayAsked() {
        JsonNode before = gateway().get("/api/v1/criteria?date=2021-06-30").json();
        JsonNode after = gateway().get("/api/v1/criteria?date=2021-07-01").json();

        assertThat(before.get("date").asText()).isEqualTo("2021-06-30");
        assertThat(before.get("criteriaVersion").asText()).matches("[0-9a-f]{12}");
        assertThat(program(before, "SUBSISTENCE_ALLOWANCE")
                        .at("/parameters/income-standard/value")
                        .asInt())
                .isEqualTo(1240);
        assertThat(program(after, "SUBSISTENCE_ALLOWANCE")
                        .at("/parameters/income-standard/value")
                        .asInt())
                .isEqualTo(1330);
        assertThat(program(after, "SUBSISTENCE_ALLOWANCE")
                        .at("/parameters/minor-income-standard/value")
                        .asInt())
                .isEqualTo(1730);
        assertThat(program(after, "SUBSISTENCE_ALLOWANCE")
                        .at("/parameters/income-standard/from")
                        .asText())
                .isEqualTo("2021-07-01");
        assertThat(program(after, "LOW_INCOME_FAMILY")
                        .at("/parameters/income-multiple/illustrative")
                        .asBoolean())
                .isTrue();

        Response today = gateway().get("/api/v1/criteria");
        assertThat(today.status()).isEqualTo(200);
        assertThat(today.json().get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void aBadDateIsRefusedNamingIt() {
        Response response = gateway().get("/api/v1/criteria?date=2021-13-01");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("date");
    }

    @Test
    void anOperatorCanAssessAHouseholdWithoutMakingATicket() {
        int tickets = jdbc.queryForObject("SELECT count(*) FROM ticket", Integer.class);
        Response response = gateway().postJson("/api/v1/assessments", """
                {"date": "2021-06-30", "needs": ["SUBSISTENCE", "education"],
                 "household": {"size": 3, "monthlyIncome": 2800,
                               "members": [{"age": 40}, {"age": 38}, {"age": 10, "student": true}]}}
                """);

        assertThat(response.status()).isEqualTo(200);
        JsonNode assessment = response.json();
        assertThat(assessment.get("date").asText()).isEqualTo("2021-06-30");
        assertThat(program(assessment, "SUBSISTENCE_ALLOWANCE")
                        .get("reasons")
                        .get(0)
                        .asText())
                .isEqualTo("household income 2,800 < household standard 4,095 = "
                        + "2 × subsistence standard 1,240 (from 2020-04-01)"
                        + " + 1 under 18 × minor standard 1,615 (from 2020-04-01)");
        assertThat(program(assessment, "EDUCATION_ASSISTANCE").get("outcome").asText())
                .isEqualTo("ELIGIBLE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ticket", Integer.class))
                .isEqualTo(tickets);

        JsonNode urbanOnly = gateway()
                .postJson("/api/v1/assessments", "{\"needs\": [\"URBAN_MANAGEMENT\"]}")
                .json();
        assertThat(urbanOnly.get("programs")).isEmpty();
    }

    @Test
    void aBadAssessmentRequestIsRefusedNamingEveryField() {
        Response response = gateway().postJson("/api/v1/assessments", """
                {"date": "30/06/2021", "needs": ["SUBSISTENCE", "POVERTY"],
                 "household": {"size": 0, "members": [{"age": 200, "ableToWork": "yes"}], "suddenHardship": 1}}
                """);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response.json()))
                .containsExactlyInAnyOrder(
                        "date",
                        "needs[1]",
                        "household.size",
                        "household.members[0].age",
                        "household.members[0].ableToWork",
                        "household.suddenHardship");

        assertThat(fields(gateway().postJson("/api/v1/assessments", "{}").json()))
                .containsExactly("needs");
        Response notJson = gateway().post("/api/v1/assessments", "text/plain", "{\"needs\": [\"SUBSISTENCE\"]}");
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(fields(notJson.json())).containsExactly("Content-Type");
        Response tooLarge = gateway()
                .postJson(
                        "/api/v1/assessments",
                        "{\"needs\": [\"SUBSISTENCE\"], \"padding\": \"" + "x".repeat(70 * 1024) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
    }

    @Test
    void theNewHouseholdFactsOfACallAreValidated() throws Exception {
        ObjectNode call = call("2026-03-01T10:00:00+08:00");
        ((ObjectNode) call.get("household")).put("monthlyMedicalCosts", -5);
        ((ObjectNode) call.get("household")).put("hasLegalSupporter", "no");
        Response response = gateway().postJson("/api/v1/calls", call.toString());
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.json()))
                .containsExactlyInAnyOrder("household.monthlyMedicalCosts", "household.hasLegalSupporter");
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
