package hotline.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.SampleCalls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A location hint never costs a call (issue 11): a malformed town code, coordinates out of range, a district or a
 * community that matches nothing are left out of routing, named in the answer's warnings and kept with the request,
 * and jurisdiction goes on to the next hint. Every other bad field is still refused.
 */
class LocationWarningsEndToEndTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, String> warnings(JsonNode answer) {
        Map<String, String> warnings = new LinkedHashMap<>();
        answer.path("warnings")
                .forEach(w ->
                        warnings.put(w.get("field").asText(), w.get("message").asText()));
        return warnings;
    }

    private JsonNode storedWarnings(String source, String externalId) throws Exception {
        String stored = jdbc.queryForObject(
                "SELECT warnings::text FROM service_request WHERE source = ? AND external_id = ?",
                String.class,
                source,
                externalId);
        return stored == null ? null : JSON.readTree(stored);
    }

    @Test
    void aCallWithBadHintsIsTakenRoutedByTheNextHintAndWarned() throws Exception {
        String callId = "LOC-" + UUID.randomUUID();
        ObjectNode call = SampleCalls.byId("DEV-2026-0001").withCallId(callId);
        call.set("location", JSON.readTree("""
                {"townCode": "3101040", "district": "不存在区", "community": "没有这个居委会",
                 "address": "徐汇区天平路156弄7号", "lat": 95.5, "lon": "east"}
                """));

        Response answer = gateway().postJson("/api/v1/calls", call.toString());

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode ticket = answer.json();
        assertThat(ticket.get("ticketNo").asText()).isNotBlank();
        assertThat(warnings(ticket))
                .containsOnlyKeys(
                        "location.townCode", "location.district", "location.community", "location.lat", "location.lon")
                .containsEntry("location.townCode", "must be a 9-digit town code: ignored for routing")
                .containsEntry("location.lat", "must be between -90 and 90: ignored for routing");
        assertThat(ticket.at("/assignedTo/code").asText()).isEqualTo("310104003");
        assertThat(ticket.at("/assignedTo/rule").asText()).isEqualTo("ADDRESS_TOWN_NAME");
        JsonNode stored = storedWarnings("HOTLINE", callId);
        assertThat(stored).isEqualTo(ticket.get("warnings"));
        String location = jdbc.queryForObject(
                "SELECT location::text FROM service_request WHERE external_id = ?", String.class, callId);
        assertThat(location).doesNotContain("3101040", "95.5", "east").contains("天平路156弄7号");

        Response again = gateway().postJson("/api/v1/calls", call.toString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("warnings")).isEqualTo(ticket.get("warnings"));
    }

    @Test
    void aWellFormedButUnknownTownCodeIsWarnedAndItsDistrictStillHelps() throws Exception {
        String callId = "LOC-" + UUID.randomUUID();
        ObjectNode call = SampleCalls.byId("DEV-2026-0001").withCallId(callId);
        call.set("location", JSON.readTree("{\"townCode\": \"310104999\"}"));

        Response answer = gateway().postJson("/api/v1/calls", call.toString());

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(warnings(answer.json()))
                .containsExactly(Map.entry("location.townCode", "is not a known town code: ignored for routing"));
        assertThat(answer.json().at("/assignedTo/level").asText()).isEqualTo("DISTRICT_DESK");
        assertThat(answer.json().at("/assignedTo/code").asText()).isEqualTo("310104");
    }

    @Test
    void aCallWithGoodHintsHasNoWarnings() throws Exception {
        String callId = "LOC-" + UUID.randomUUID();
        Response answer = gateway()
                .postJson(
                        "/api/v1/calls",
                        SampleCalls.byId("DEV-2026-0001").withCallId(callId).toString());
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().has("warnings")).isFalse();
        assertThat(storedWarnings("HOTLINE", callId)).isNull();
    }

    @Test
    void otherBadFieldsAreStillRefusedAndTheLocationIsNotNamedAsAnError() throws Exception {
        ObjectNode call = SampleCalls.byId("DEV-2026-0001").withCallId("LOC-" + UUID.randomUUID());
        call.put("channel", "FAX");
        call.set("location", JSON.readTree("{\"townCode\": \"x\"}"));
        Response answer = gateway().postJson("/api/v1/calls", call.toString());
        assertThat(answer.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("channel");
    }

    @Test
    void aReportWithABadTownCodeIsTakenWithAWarning() throws Exception {
        String reportId = "LOC-R-" + UUID.randomUUID();
        String report = """
                {"reportId": "%s", "centreId": "CAC-XH-03", "reportedAt": "2026-11-20T10:00:00+08:00",
                 "location": {"townCode": "31010400X", "address": "徐汇区天平路街道某小区"},
                 "content": "居委反映辖区独居老人82岁，吃饭成问题。"}
                """.formatted(reportId);

        Response answer = gateway().postJson("/api/v1/reports", report);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(warnings(answer.json()))
                .containsExactly(Map.entry("location.townCode", "must be a 9-digit town code: ignored for routing"));
        assertThat(answer.json().at("/assignedTo/code").asText()).isEqualTo("310104003");
        assertThat(storedWarnings("COMMUNITY", reportId))
                .isEqualTo(answer.json().get("warnings"));
    }

    @Test
    void aBatchRowWithABadHintIsTakenWithItsWarningWhileABadDateIsStillRefused() {
        String batch = "LOC-B-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "reportId,centreId,reportedAt,location.townCode,location.lat,location.address,content\n"
                + batch + "-1,CAC-XH-03,2026-11-20T10:00:00+08:00,12345,123,徐汇区天平路街道,独居老人需要助餐\n"
                + batch + "-2,CAC-XH-03,yesterday,12345,,徐汇区天平路街道,独居老人需要助餐\n";

        Response answer = gateway().post("/api/v1/reports/batch", "text/csv", csv);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode first = answer.json().at("/results/0");
        assertThat(first.get("status").asText()).isEqualTo("CREATED");
        assertThat(warnings(first))
                .containsOnlyKeys("location.townCode", "location.lat")
                .containsEntry("location.townCode", "must be a 9-digit town code: ignored for routing");
        JsonNode second = answer.json().at("/results/1");
        assertThat(second.get("status").asText()).isEqualTo("REJECTED");
        List<String> fields = new ArrayList<>();
        second.path("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("reportedAt");
    }
}
