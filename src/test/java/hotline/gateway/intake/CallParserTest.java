package hotline.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.InvalidInputException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CallParser parser = new CallParser(Clock.systemUTC());

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private List<String> badFields(String body) throws Exception {
        JsonNode node = json(body);
        try {
            parser.parse(node);
        } catch (InvalidInputException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void parsesACallWithDefaults() throws Exception {
        ServiceRequest request = parser.parse(json("""
                {"callId": "HL-20261128-000123", "receivedAt": "2026-11-28T09:15:00+08:00",
                 "caller": {"name": "张三", "idNumber": "11010519491231002x"},
                 "location": {"townCode": "310104003", "lat": 31.2, "lon": 121.4},
                 "content": "需要帮助", "household": {"size": 3, "monthlyIncome": 2800.5,
                 "members": [{"age": 82, "disabilityGrade": null, "chronicIllness": true}]},
                 "operatorId": "op-17", "somethingNew": "ignored"}
                """));
        assertThat(request.source()).isEqualTo(Source.HOTLINE);
        assertThat(request.externalId()).isEqualTo("HL-20261128-000123");
        assertThat(request.receivedAt()).isEqualTo(OffsetDateTime.parse("2026-11-28T09:15:00+08:00"));
        assertThat(request.channel()).isEqualTo("PHONE");
        assertThat(request.flaggedUrgent()).isFalse();
        assertThat(request.subject().idNumber()).isEqualTo("11010519491231002X");
        assertThat(request.location().lat()).isEqualTo(31.2);
        assertThat(request.household().members()).hasSize(1);
        assertThat(request.household().members().get(0).chronicIllness()).isTrue();
        assertThat(request.details()).containsEntry("operatorId", "op-17");
        assertThat(request.subject().toString()).doesNotContain("张三", "11010519491231002X");
    }

    @Test
    void channelsAreMatchedWithoutRegardToCase() throws Exception {
        ServiceRequest request = parser.parse(json("""
                {"callId": "A", "receivedAt": "2026-11-28T09:15:00Z", "channel": "wechat", "content": "x"}
                """));
        assertThat(request.channel()).isEqualTo("WECHAT");
    }

    @Test
    void namesEveryBadFieldWithItsPath() throws Exception {
        assertThat(badFields("""
                {"callId": "", "receivedAt": 20261128, "channel": 3, "content": "   ",
                 "caller": "nobody", "location": {"townCode": 310104003, "lon": 500},
                 "household": {"members": [{"age": -1}, 7]}, "urgent": 1}
                """))
                .containsExactlyInAnyOrder(
                        "callId",
                        "receivedAt",
                        "channel",
                        "content",
                        "caller",
                        "household.members[0].age",
                        "household.members[1]",
                        "urgent");
    }

    @Test
    void badLocationHintsAreWarningsAndLeaveTheRequest() throws Exception {
        ServiceRequest request = parser.parse(json("""
                {"callId": "A", "receivedAt": "2026-11-28T09:15:00Z", "content": "x",
                 "location": {"townCode": 310104003, "district": "徐汇区", "lon": 500, "lat": "north"}}
                """));
        assertThat(request.warnings())
                .containsExactlyInAnyOrder(
                        new FieldError("location.townCode", "must be a string: ignored for routing"),
                        new FieldError("location.lon", "must be between -180 and 180: ignored for routing"),
                        new FieldError("location.lat", "must be a number: ignored for routing"));
        assertThat(request.location())
                .isEqualTo(new hotline.gateway.ticket.Location(null, "徐汇区", null, null, null, null));
        assertThat(parser.parse(json("""
                        {"callId": "A", "receivedAt": "2026-11-28T09:15:00Z", "content": "x", "location": "here"}
                        """)).warnings())
                .containsExactly(new FieldError("location", "must be an object: ignored for routing"));
    }

    @Test
    void callIdsAreLimitedTo64SafeCharacters() throws Exception {
        String base = "{\"receivedAt\": \"2026-11-28T09:15:00+08:00\", \"content\": \"x\", \"callId\": ";
        assertThat(badFields(base + "\"" + "a".repeat(65) + "\"}")).containsExactly("callId");
        assertThat(badFields(base + "\"a/b\"}")).containsExactly("callId");
        assertThat(parser.parse(json(base + "\"" + "a".repeat(64) + "\"}")).externalId())
                .hasSize(64);
    }

    @Test
    void aBodyThatIsNotAnObjectIsOneError() {
        assertThatThrownBy(() -> parser.parse(json("[]")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("(body)");
    }

    @Test
    void reportsShareTheRulesAndAddTheirOwn() throws Exception {
        ServiceRequest report = new ReportParser(Clock.systemUTC()).parse(json("""
                {"reportId": "R-1", "centreId": "CAC-1", "reportedAt": "2026-11-20T10:00:00+08:00",
                 "subject": {"phone": "021-64581234"}, "content": "独居老人", "visitFindings": "行动不便"}
                """));
        assertThat(report.source()).isEqualTo(Source.COMMUNITY);
        assertThat(report.channel()).isEqualTo("CENTRE");
        assertThat(report.classificationText()).isEqualTo("独居老人\n行动不便");
        assertThat(report.details()).containsEntry("centreId", "CAC-1");
    }
}
