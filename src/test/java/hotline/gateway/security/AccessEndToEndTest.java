package hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.LocalClients;
import hotline.gateway.support.SampleCalls;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may do what over HTTP: intake needs a client key of the right role (a centre posts its own centre's reports
 * only), reports and the dashboard a manager's or an operator's, the actuator (but its probes) an operator's; every
 * refusal is problem+json naming what is wrong, and nothing refused is stored.
 */
class AccessEndToEndTest extends GatewayIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private static String report(String reportId, String centreId) {
        return """
                {"reportId": "%s", "centreId": "%s", "reportedAt": "2026-11-20T10:00:00+08:00",
                 "location": {"address": "徐汇区天平路街道某小区"}, "content": "居委反映独居老人82岁，吃饭成问题。"}
                """.formatted(reportId, centreId);
    }

    private int stored(String externalId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM service_request WHERE external_id = ?", Integer.class, externalId);
    }

    private static JsonNode problem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }

    private static String field(JsonNode problem) {
        return problem.at("/errors/0/field").asText();
    }

    @Test
    void aCallNeedsAHotlineKey() {
        String callId = "ACL-" + UUID.randomUUID();
        String call = SampleCalls.byId("DEV-2026-0001").withCallId(callId).toString();
        GatewayClient gateway = gateway();

        Response anonymous = gateway.anonymous().postJson("/api/v1/calls", call);
        assertThat(field(problem(anonymous, 401))).isEqualTo("Authorization");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic realm=\"hotline-gateway\"");

        GatewayClient elsewhere = gateway.from("127.0.0.41");
        assertThat(field(problem(elsewhere.withKey("hk_not-a-key").postJson("/api/v1/calls", call), 401)))
                .isEqualTo("X-Api-Key");
        assertThat(field(problem(elsewhere.as(LocalClients.HOTLINE, "wrong").postJson("/api/v1/calls", call), 401)))
                .isEqualTo("Authorization");

        JsonNode manager = problem(
                gateway.as(LocalClients.MANAGER, LocalClients.MANAGER_KEY).postJson("/api/v1/calls", call), 403);
        assertThat(field(manager)).isEqualTo("Authorization");
        assertThat(manager.get("detail").asText()).contains("manager-local", "MANAGER", "HOTLINE");
        problem(gateway.as(LocalClients.CENTRE, LocalClients.CENTRE_KEY).postJson("/api/v1/calls", call), 403);
        // The hotline's broker user acts on tickets as an office; posting calls takes the hotline system's key.
        problem(gateway.as("hotline", "hotline-local").postJson("/api/v1/calls", call), 403);
        assertThat(stored(callId)).isZero();

        assertThat(gateway.withKey(LocalClients.HOTLINE_KEY)
                        .postJson("/api/v1/calls", call)
                        .status())
                .isEqualTo(201);
        assertThat(gateway.as(LocalClients.OPERATOR, LocalClients.OPERATOR_KEY)
                        .postJson("/api/v1/calls", call)
                        .status())
                .isEqualTo(200);
        assertThat(stored(callId)).isEqualTo(1);
    }

    @Test
    void aCentrePostsItsOwnCentresReportsOnly() {
        String reportId = "ACL-R-" + UUID.randomUUID();
        GatewayClient centre = gateway().as(LocalClients.CENTRE, LocalClients.CENTRE_KEY);

        JsonNode other =
                problem(centre.postJson("/api/v1/reports", report(reportId, LocalClients.OTHER_CENTRE_ID)), 403);
        assertThat(field(other)).isEqualTo("centreId");
        assertThat(other.get("detail").asText()).contains(LocalClients.OTHER_CENTRE_ID, LocalClients.CENTRE_ID);
        problem(gateway().postJson("/api/v1/reports", report(reportId, LocalClients.OTHER_CENTRE_ID)), 403);
        problem(
                gateway()
                        .as(LocalClients.HOTLINE, LocalClients.HOTLINE_KEY)
                        .postJson("/api/v1/reports", report(reportId, LocalClients.CENTRE_ID)),
                403);
        assertThat(stored(reportId)).isZero();

        assertThat(gateway()
                        .as(LocalClients.OTHER_CENTRE, LocalClients.OTHER_CENTRE_KEY)
                        .postJson("/api/v1/reports", report(reportId, LocalClients.OTHER_CENTRE_ID))
                        .status())
                .isEqualTo(201);
        // An operator may post for any centre.
        String forAnother = "ACL-R-" + UUID.randomUUID();
        assertThat(gateway()
                        .as(LocalClients.OPERATOR, LocalClients.OPERATOR_KEY)
                        .postJson("/api/v1/reports", report(forAnother, "CAC-ANY-9"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aBatchRowNamingAnotherCentreIsRefusedWithItsReason() {
        String batch = "ACL-B-" + UUID.randomUUID().toString().substring(0, 8);
        String jsonl = report(batch + "-1", LocalClients.CENTRE_ID).replace("\n", " ") + "\n"
                + report(batch + "-2", LocalClients.OTHER_CENTRE_ID).replace("\n", " ") + "\n";

        Response response = gateway().post("/api/v1/reports/batch", "application/jsonl", jsonl);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("created").asInt()).isEqualTo(1);
        assertThat(result.get("rejected").asInt()).isEqualTo(1);
        assertThat(result.at("/results/1/errors/0/field").asText()).isEqualTo("centreId");
        assertThat(result.at("/results/0/trackingCode").asText()).hasSize(8);
        assertThat(stored(batch + "-1")).isEqualTo(1);
        assertThat(stored(batch + "-2")).isZero();
        problem(
                gateway()
                        .as(LocalClients.MANAGER, LocalClients.MANAGER_KEY)
                        .post("/api/v1/reports/batch", "application/jsonl", jsonl),
                403);
    }

    @Test
    void reportsAndTheDashboardAreForManagersAndOperators() {
        for (String path :
                new String[] {"/api/v1/reports/sla", "/api/v1/reports/overdue", "/dashboard/", "/dashboard/dashboard.js"
                }) {
            Response anonymous = gateway().anonymous().get(path);
            assertThat(field(problem(anonymous, 401))).as(path).isEqualTo("Authorization");
            // A browser asks the manager for the client id and key.
            assertThat(anonymous.header("WWW-Authenticate")).as(path).startsWith("Basic ");
            problem(gateway().as(LocalClients.HOTLINE, LocalClients.HOTLINE_KEY).get(path), 403);
            problem(gateway().as(LocalClients.CENTRE, LocalClients.CENTRE_KEY).get(path), 403);
            assertThat(gateway()
                            .as(LocalClients.MANAGER, LocalClients.MANAGER_KEY)
                            .get(path)
                            .status())
                    .as(path)
                    .isEqualTo(200);
            assertThat(gateway()
                            .as(LocalClients.OPERATOR, LocalClients.OPERATOR_KEY)
                            .get(path)
                            .status())
                    .as(path)
                    .isEqualTo(200);
        }
    }

    @Test
    void theActuatorIsForOperatorsButItsProbes() {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(gateway()
                                .get("/actuator/health")
                                .json()
                                .get("status")
                                .asText())
                        .isEqualTo("UP"));
        GatewayClient anonymous = gateway().anonymous();
        for (String probe :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            Response response = anonymous.get(probe);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.json().get("status").asText()).as(probe).isEqualTo("UP");
            assertThat(response.json().has("components")).as(probe).isFalse();
        }
        assertThat(gateway()
                        .get("/actuator/health")
                        .json()
                        .at("/components/db/status")
                        .asText())
                .isEqualTo("UP");

        for (String endpoint : new String[] {
            "/actuator/prometheus",
            "/actuator/metrics",
            "/actuator/camelroutes",
            "/actuator/health/dispatch",
            "/actuator/health/db",
            "/actuator"
        }) {
            problem(anonymous.get(endpoint), 401);
            problem(gateway().as(LocalClients.MANAGER, LocalClients.MANAGER_KEY).get(endpoint), 403);
            assertThat(gateway().get(endpoint).status()).as(endpoint).isEqualTo(200);
        }
    }

    @Test
    void metricsNameTheClientOfEachIntakeRequest() {
        gateway()
                .postJson(
                        "/api/v1/calls",
                        SampleCalls.byId("DEV-2026-0002")
                                .withCallId("ACL-M-" + UUID.randomUUID())
                                .toString());
        gateway().postJson("/api/v1/reports", report("ACL-M-" + UUID.randomUUID(), LocalClients.CENTRE_ID));

        String metrics = gateway().get("/actuator/prometheus").body();
        assertThat(metrics)
                .containsPattern("hotline_intake_requests_total\\{[^}]*client=\"hotline-local\"[^}]*kind=\"call\"")
                .containsPattern("hotline_intake_requests_total\\{[^}]*client=\"centre-xh-03\"[^}]*kind=\"report\"")
                .containsPattern("hotline_auth_failures_total\\{[^}]*kind=\"api_key\"")
                .containsPattern("hotline_auth_blocked_total\\{[^}]*kind=\"tracking_code\"");
    }
}
