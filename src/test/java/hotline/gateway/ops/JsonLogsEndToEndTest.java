package hotline.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.PackagedGateway;
import hotline.gateway.support.SampleCalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * LOG_FORMAT=json, as a log shipper reads it: the packaged jar started in a process of its own (on the tests' PostgreSQL
 * and Artemis), a call with a caller's name, phone and resident ID number posted, a call with a bad resident ID refused,
 * then stopped. Every line it wrote, from start to shutdown, is one JSON object, and none holds the personal data.
 */
class JsonLogsEndToEndTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    DataSource dataSource;

    @Test
    void everyLineIsJsonAndMasked() throws Exception {
        Path data =
                Path.of("target/test-data", "json-logs-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(data);
        Path out = data.resolve("stdout.log");
        int childPort = PackagedGateway.freePort();
        int childManagementPort = PackagedGateway.freePort();
        GatewayClient client = new GatewayClient(childPort, childManagementPort);
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx768m",
                        "-jar",
                        PackagedGateway.jar().toString())
                .redirectOutput(out.toFile())
                .redirectError(data.resolve("stderr.log").toFile());
        // On the tests' PostgreSQL and Artemis (already running, their local clients made): the gateway's own start is
        // what this test waits for. No SLA sweep of its own while it runs.
        String jdbcUrl = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        Map<String, String> environment = builder.environment();
        environment.put("LOG_FORMAT", "json");
        environment.put("PORT", String.valueOf(childPort));
        environment.put("MANAGEMENT_PORT", String.valueOf(childManagementPort));
        environment.put("DB_URL", jdbcUrl);
        environment.put("DB_USER", "postgres");
        environment.put("DB_PASSWORD", "");
        environment.put("BROKER_URL", "tcp://127.0.0.1:" + BROKER_PORT);
        environment.put("INBOX_DIR", data.resolve("inbox").toString());
        environment.put("HOTLINE_SLA_SWEEP_PERIOD", "1h");
        environment.put("HOTLINE_CLASSIFICATION_SEMANTIC_ENABLED", "false");
        Process gateway = builder.start();
        try {
            PackagedGateway.awaitReady(client, gateway, Duration.ofSeconds(600));

            ObjectNode call = SampleCalls.byId("DEV-2026-0001").withCallId("JSONLOG-" + UUID.randomUUID());
            ((ObjectNode) call.get("caller")).put("idNumber", "310107196803119049");
            GatewayClient.Response created = client.postJson("/api/v1/calls", call.toString());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ((ObjectNode) call.get("caller")).put("idNumber", "310107196803119048");
            call.put("callId", "JSONLOG-" + UUID.randomUUID());
            assertThat(client.postJson("/api/v1/calls", call.toString()).status())
                    .isEqualTo(400);
        } finally {
            gateway.destroy();
            if (!gateway.waitFor(60, TimeUnit.SECONDS)) {
                gateway.destroyForcibly().waitFor();
            }
        }

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
        assertThat(lines).hasSizeGreaterThan(10);
        List<String> notJson = new ArrayList<>();
        for (String line : lines) {
            try {
                JsonNode event = JSON.readTree(line);
                assertThat(event.isObject()).as(line).isTrue();
                assertThat(event.has("@timestamp") && event.has("log.level") && event.has("message"))
                        .as(line)
                        .isTrue();
            } catch (IOException e) {
                notJson.add(line);
            }
        }
        assertThat(notJson).as("lines that are not JSON").isEmpty();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Started HotlineGatewayApplication"));
        String everything = String.join("\n", lines) + Files.readString(data.resolve("stderr.log"));
        assertThat(everything).doesNotContain("韩桂芳", "13201501449", "310107196803119049", "310107196803119048");
    }
}
