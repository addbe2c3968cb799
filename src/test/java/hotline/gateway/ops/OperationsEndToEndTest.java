package hotline.gateway.ops;

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

/** What operators and integrators rely on: health probes, Prometheus metrics per route, the OpenAPI document. */
class OperationsEndToEndTest extends GatewayIntegrationTest {

    @Test
    void healthReportsTheDatabaseAndTheBrokerWithProbes() {
        // Camel reports a polling consumer (the inbox) as down until its first poll.
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(gateway()
                                .get("/actuator/health")
                                .json()
                                .get("status")
                                .asText())
                        .isEqualTo("UP"));
        JsonNode health = gateway().get("/actuator/health").json();
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/jms/status").asText()).isEqualTo("UP");
        Response readiness = gateway().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(gateway()
                        .get("/actuator/health/dispatch")
                        .json()
                        .at("/components/jms/status")
                        .asText())
                .isEqualTo("UP");
        assertThat(gateway()
                        .get("/actuator/health/liveness")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void prometheusHasPerRouteCamelMetrics() {
        gateway()
                .postJson(
                        "/api/v1/calls",
                        SampleCalls.byId("DEV-2026-0002")
                                .withCallId("OPS-" + UUID.randomUUID())
                                .toString());
        Response metrics = gateway().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("camel_exchanges_total\\{[^}]*routeId=\"intake-call\"")
                .containsPattern("routeId=\"outbox-relay\"")
                .contains("hotline_outbox_pending", "hotline_outbox_oldest_pending_age_seconds")
                .contains("hotline_sla_sweep_backlog", "hotline_sla_overdue")
                .containsPattern("hotline_classification_needs_total\\{[^}]*method=\"DICTIONARY\"[^}]*\\} [1-9]")
                .containsPattern("camel_exchanges_total\\{[^}]*routeId=\"sla-sweep\"");
    }

    @Test
    void theOpenApiDocumentEchoesNoRequestHeader() {
        Response document = gateway().header("X-Custom-Probe", "probe-7f3a9c").get("/api/v1/api-doc");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.headers().keySet())
                .noneMatch(name -> name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("X-Custom-Probe"));
        String everything = document.headers() + document.body();
        assertThat(everything)
                .doesNotContain("probe-7f3a9c", "local-only-hotline-key")
                .doesNotContain(GatewayClient.basic(LocalClients.HOTLINE, LocalClients.HOTLINE_KEY)
                        .substring(6));
        // The same for an answer of any route: only the answer's own headers.
        Response criteria = gateway().header("X-Custom-Probe", "probe-7f3a9c").get("/api/v1/criteria");
        assertThat(criteria.headers().keySet()).noneMatch(name -> name.equalsIgnoreCase("X-Custom-Probe"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        Response document = gateway().get("/api/v1/api-doc");
        assertThat(document.status()).isEqualTo(200);
        JsonNode openApi = document.json();
        assertThat(openApi.get("openapi").asText()).startsWith("3.");
        assertThat(openApi.get("paths").has("/calls")).isTrue();
        assertThat(openApi.get("paths").has("/reports/batch")).isTrue();
        assertThat(openApi.get("paths").has("/tickets/{ticketNo}")).isTrue();
        assertThat(openApi.get("paths").has("/admin/clients/{clientId}/keys/{keyId}"))
                .isTrue();
    }
}
