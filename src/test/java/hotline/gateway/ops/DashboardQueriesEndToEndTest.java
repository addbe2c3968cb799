package hotline.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.SampleCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard (ops/grafana/hotline-gateway.json) and the alert rules (ops/prometheus/alerts.yml) ask only
 * for what the gateway exports: every PromQL expression parses (promtool check rules, the dashboard's written as
 * recording rules), and every metric it names is on /actuator/prometheus after some traffic (Prometheus's own
 * {@code up} aside, for the alerts).
 */
class DashboardQueriesEndToEndTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DASHBOARD = Path.of("ops/grafana/hotline-gateway.json");
    private static final Path ALERTS = Path.of("ops/prometheus/alerts.yml");

    @Test
    void everyDashboardExpressionParses(@TempDir Path temp) throws Exception {
        List<String> expressions = dashboardExpressions();
        assertThat(expressions).hasSizeGreaterThan(20);
        ObjectNode rules = JSON.createObjectNode();
        ArrayNode list =
                rules.putArray("groups").addObject().put("name", "dashboard").putArray("rules");
        for (int i = 0; i < expressions.size(); i++) {
            list.addObject().put("record", "dashboard:expression_" + i).put("expr", expressions.get(i));
        }
        // JSON is YAML: promtool reads it as a rule file.
        Path file = temp.resolve("dashboard-rules.yml");
        Files.writeString(file, JSON.writeValueAsString(rules));
        Promtool.Result checked =
                Promtool.run(temp, "check", "rules", file.getFileName().toString());
        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("SUCCESS: " + expressions.size() + " rules found");
    }

    @Test
    void theDashboardAndTheAlertsNameOnlyExportedMetrics() throws Exception {
        assertThat(gateway()
                        .postJson(
                                "/api/v1/calls",
                                SampleCalls.byId("DEV-2026-0002")
                                        .withCallId("DASH-" + UUID.randomUUID())
                                        .toString())
                        .status())
                .isEqualTo(201);
        // The broker's queue figures appear after the first poll of its management (a few seconds after start).
        AtomicReference<String> scraped = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            scraped.set(gateway().get("/actuator/prometheus").body());
            return scraped.get().contains("hotline_broker_queue_messages{");
        });
        String exposition = scraped.get();
        // The latency panel reads the calls' buckets by their URI.
        assertThat(exposition).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/calls\"");
        Set<String> exported = exportedMetricNames(exposition);

        Map<String, Set<String>> unknown = new TreeMap<>();
        for (String expression : dashboardExpressions()) {
            Set<String> names = PromQl.metricNames(expression);
            assertThat(names).as(expression).isNotEmpty();
            names.removeAll(exported);
            if (!names.isEmpty()) {
                unknown.put(expression, names);
            }
        }
        for (String expression : alertExpressions()) {
            Set<String> names = PromQl.metricNames(expression);
            names.removeAll(exported);
            names.remove("up");
            if (!names.isEmpty()) {
                unknown.put(expression, names);
            }
        }
        assertThat(unknown).as("metrics the gateway does not export").isEmpty();
        // Not blind: a name the gateway does not export is found out.
        assertThat(PromQl.metricNames("rate(hotline_no_such_metric_total[5m])"))
                .containsExactly("hotline_no_such_metric_total")
                .doesNotContainAnyElementsOf(exported);
    }

    private static Set<String> exportedMetricNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = line.indexOf('{');
            names.add(line.substring(0, end > 0 ? end : line.indexOf(' ')));
        }
        return names;
    }

    private static List<String> dashboardExpressions() throws Exception {
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        return expressions;
    }

    /** The alert rules' expressions, read with the YAML reader the gateway already has. */
    private static List<String> alertExpressions() throws Exception {
        JsonNode alerts = new ObjectMapper(new YAMLFactory()).readTree(ALERTS.toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode group : alerts.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                expressions.add(rule.path("expr").asText());
            }
        }
        assertThat(expressions).hasSizeGreaterThan(5);
        return expressions;
    }
}
