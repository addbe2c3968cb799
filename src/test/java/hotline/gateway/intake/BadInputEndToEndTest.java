package hotline.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.SampleCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every class of bad input is refused with problem+json naming the field, and nothing is stored for it. */
class BadInputEndToEndTest extends GatewayIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private int requestsBefore;

    @BeforeEach
    void countRequests() {
        requestsBefore = storedRequests();
    }

    private ObjectNode validCall() {
        return SampleCalls.byId("DEV-2026-0001").withCallId("BAD-" + UUID.randomUUID());
    }

    private JsonNode refused(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("type").asText()).startsWith("/problems/");
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "hotline.gateway");
        assertThat(storedRequests()).as("nothing stored").isEqualTo(requestsBefore);
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    @Test
    void missingRequiredFieldsAreAllNamed() {
        ObjectNode call = validCall();
        call.remove("callId");
        call.remove("receivedAt");
        call.remove("content");
        JsonNode problem = refused(gateway().postJson("/api/v1/calls", call.toString()), 400);
        assertThat(fields(problem)).containsExactlyInAnyOrder("callId", "receivedAt", "content");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("is required");
    }

    @Test
    void invalidFieldsAreAllNamedWithTheirPath() {
        ObjectNode call = validCall();
        call.put("callId", "has spaces and ünïcode");
        call.put("receivedAt", "2026-11-28 09:15:00");
        call.put("channel", "FAX");
        call.put("urgent", "yes");
        ((ObjectNode) call.get("caller")).put("idNumber", "310107196803119048");
        ((ObjectNode) call.get("caller")).put("phone", "call me");
        ((ObjectNode) call.get("household")).put("size", -1);
        JsonNode problem = refused(gateway().postJson("/api/v1/calls", call.toString()), 400);
        assertThat(fields(problem))
                .containsExactlyInAnyOrder(
                        "callId",
                        "receivedAt",
                        "channel",
                        "urgent",
                        "caller.idNumber",
                        "caller.phone",
                        "household.size");
        assertThat(problem.toString()).contains("check digit", "PHONE, WEB, APP, WECHAT, EMAIL");
    }

    @Test
    void aReceivedAtWithoutOffsetIsRefused() {
        ObjectNode call = validCall();
        call.put("receivedAt", "2026-11-28T09:15:00");
        assertThat(fields(refused(gateway().postJson("/api/v1/calls", call.toString()), 400)))
                .containsExactly("receivedAt");
    }

    @Test
    void contentTooLongIsRefused() {
        ObjectNode call = validCall();
        call.put("content", "长".repeat(4001));
        JsonNode problem = refused(gateway().postJson("/api/v1/calls", call.toString()), 400);
        assertThat(fields(problem)).containsExactly("content");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("4000");
    }

    @Test
    void aBodyOver64KiBIsRefusedAs413() {
        ObjectNode call = validCall();
        call.put("padding", "x".repeat(70 * 1024));
        JsonNode problem = refused(gateway().postJson("/api/v1/calls", call.toString()), 413);
        assertThat(fields(problem)).containsExactly("(body)");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAs415() {
        JsonNode problem = refused(
                gateway().post("/api/v1/calls", "text/plain", validCall().toString()), 415);
        assertThat(problem.get("detail").asText()).contains("application/json");
        assertThat(fields(problem)).containsExactly("Content-Type");
        refused(gateway().post("/api/v1/calls", null, validCall().toString()), 415);
    }

    @Test
    void malformedJsonIsRefusedAs400() {
        JsonNode problem = refused(gateway().postJson("/api/v1/calls", "{\"callId\": \"X-1\", "), 400);
        assertThat(fields(problem)).containsExactly("(body)");
        refused(gateway().postJson("/api/v1/calls", "[1, 2, 3]"), 400);
        refused(gateway().postJson("/api/v1/calls", ""), 400);
    }

    @Test
    void badReportsAreRefusedTheSameWay() {
        String report = """
                {"reportId": "R 1", "reportedAt": "yesterday", "content": "", "subject": {"idNumber": "123"},
                 "location": {"townCode": "31010400", "lat": 200}}
                """;
        JsonNode problem = refused(gateway().postJson("/api/v1/reports", report), 400);
        // The bad location hints are not refusals (LocationWarningsEndToEndTest): the other fields are.
        assertThat(fields(problem))
                .containsExactlyInAnyOrder("reportId", "centreId", "reportedAt", "content", "subject.idNumber");
    }

    @Test
    void anUnknownTicketIs404() {
        JsonNode problem = refused(gateway().get("/api/v1/tickets/20260101-9999999"), 404);
        assertThat(problem.get("detail").asText()).contains("20260101-9999999");
    }

    private int storedRequests() {
        return jdbc.queryForObject("SELECT count(*) FROM service_request", Integer.class);
    }
}
