package hotline.gateway.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.LocalClients;
import hotline.gateway.support.SampleCalls;
import hotline.gateway.support.Tickets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A caller follows their own case with the ticket number and the tracking code the operator read out: without
 * credentials they see its state, office and deadlines, nothing else; a missing or wrong code is 404, exactly as an
 * unknown number. Those holding the ticket see it whole with their credentials.
 */
class TicketTrackingEndToEndTest extends GatewayIntegrationTest {

    private static final String TIANPING = "310104003";

    private GatewayClient caller(String code) {
        return gateway().anonymous().header("X-Tracking-Code", code);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aCallsAnswerGivesATrackingCodeAndItsRetryTheSame() {
        String call = SampleCalls.byId("DEV-2026-0001")
                .withCallId("TRK-" + UUID.randomUUID())
                .toString();
        Response first = gateway().postJson("/api/v1/calls", call);
        Response again = gateway().postJson("/api/v1/calls", call);

        assertThat(first.status()).isEqualTo(201);
        String code = first.json().get("trackingCode").asText();
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("trackingCode").asText()).isEqualTo(code);
        // The hotline reads it out again from the holders' view when a caller lost it.
        String ticketNo = first.json().get("ticketNo").asText();
        assertThat(gateway()
                        .get("/api/v1/tickets/" + ticketNo)
                        .json()
                        .get("trackingCode")
                        .asText())
                .isEqualTo(code);
    }

    @Test
    void withTheCodeTheCallerSeesStateOfficeAndDeadlinesOnly() {
        Response made = new Tickets(gateway()).newCallResponse(TIANPING, false);
        String ticketNo = made.json().get("ticketNo").asText();
        String code = made.json().get("trackingCode").asText();

        Response seen = caller(code).get("/api/v1/tickets/" + ticketNo);

        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        JsonNode ticket = seen.json();
        assertThat(names(ticket))
                .containsExactlyInAnyOrder("ticketNo", "status", "office", "contactBy", "resolveBy", "updatedAt");
        assertThat(ticket.get("ticketNo").asText()).isEqualTo(ticketNo);
        assertThat(ticket.get("office").asText()).isEqualTo("天平路街道");
        // The answer to the call writes the deadline to the nanosecond, the database keeps microseconds.
        assertThat(Instant.parse(ticket.get("resolveBy").asText()))
                .isCloseTo(Instant.parse(made.json().at("/sla/resolveBy").asText()), within(1, ChronoUnit.MILLIS));
        // As people write it down: lower case, a space in the middle.
        String written =
                code.substring(0, 4).toLowerCase() + " " + code.substring(4).toLowerCase();
        assertThat(caller(written).get("/api/v1/tickets/" + ticketNo).status()).isEqualTo(200);
    }

    @Test
    void aMissingOrWrongCodeIsAnswered404AsAnUnknownNumber() {
        Response made = new Tickets(gateway()).newCallResponse(TIANPING, false);
        String ticketNo = made.json().get("ticketNo").asText();
        String code = made.json().get("trackingCode").asText();
        String unknown = "20200101-9999999";
        JsonNode notFound =
                gateway().anonymous().get("/api/v1/tickets/" + unknown).json();

        GatewayClient elsewhere = gateway().from("127.0.0.51");
        for (Response refused : new Response[] {
            gateway().anonymous().get("/api/v1/tickets/" + ticketNo),
            elsewhere.anonymous().header("X-Tracking-Code", "ABCDEFGH").get("/api/v1/tickets/" + ticketNo),
            elsewhere.anonymous().header("X-Tracking-Code", code).get("/api/v1/tickets/" + unknown)
        }) {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            JsonNode problem = refused.json();
            assertThat(problem.get("type")).isEqualTo(notFound.get("type"));
            assertThat(problem.get("title")).isEqualTo(notFound.get("title"));
            assertThat(problem.get("detail").asText().replace(ticketNo, unknown))
                    .isEqualTo(notFound.get("detail").asText());
            assertThat(names(problem)).isEqualTo(names(notFound));
        }
        // Numbers follow each other: the neighbour's number with this ticket's code shows nothing.
        String neighbour = ticketNo.substring(0, 9) + String.format("%07d", Long.parseLong(ticketNo.substring(9)) + 1);
        assertThat(elsewhere
                        .anonymous()
                        .header("X-Tracking-Code", code)
                        .get("/api/v1/tickets/" + neighbour)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void thoseHoldingTheTicketSeeItWholeOthersNeedTheCodeToo() {
        Response made = new Tickets(gateway()).newCallResponse(TIANPING, false);
        String ticketNo = made.json().get("ticketNo").asText();
        String code = made.json().get("trackingCode").asText();
        String path = "/api/v1/tickets/" + ticketNo;

        JsonNode office =
                gateway().as("office-310104003", "office-local").get(path).json();
        assertThat(office.has("events")).isTrue();
        assertThat(office.has("needs")).isTrue();
        assertThat(gateway().as("desk-310104", "desk-local").get(path).json().has("events"))
                .isTrue();
        assertThat(gateway()
                        .as(LocalClients.MANAGER, LocalClients.MANAGER_KEY)
                        .get(path)
                        .json()
                        .has("events"))
                .isTrue();
        assertThat(gateway()
                        .as(LocalClients.OPERATOR, LocalClients.OPERATOR_KEY)
                        .get(path)
                        .json()
                        .has("events"))
                .isTrue();

        GatewayClient otherOffice = gateway().as("office-310101002", "office-local");
        GatewayClient centre = gateway().as(LocalClients.CENTRE, LocalClients.CENTRE_KEY);
        assertThat(otherOffice.get(path).status()).isEqualTo(404);
        assertThat(centre.get(path).status()).isEqualTo(404);
        JsonNode withCode =
                otherOffice.header("X-Tracking-Code", code).get(path).json();
        assertThat(withCode.has("events")).isFalse();
        assertThat(withCode.get("status").asText()).isNotBlank();
    }

    @Test
    void reportsGiveTrackingCodesToo() {
        String report = """
                {"reportId": "TRK-R-%s", "centreId": "CAC-XH-03", "reportedAt": "2026-11-20T10:00:00+08:00",
                 "location": {"address": "徐汇区天平路街道某小区"}, "content": "居委反映独居老人82岁，吃饭成问题。"}
                """.formatted(UUID.randomUUID());
        Response made = gateway().postJson("/api/v1/reports", report);

        assertThat(made.status()).isEqualTo(201);
        String code = made.json().get("trackingCode").asText();
        assertThat(code).hasSize(8);
        assertThat(caller(code)
                        .get("/api/v1/tickets/" + made.json().get("ticketNo").asText())
                        .status())
                .isEqualTo(200);
    }
}
