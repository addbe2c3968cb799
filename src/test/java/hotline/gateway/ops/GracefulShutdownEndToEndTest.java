package hotline.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.PackagedGateway;
import hotline.gateway.support.SampleCalls;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGTERM under load, as an orchestrator stops the gateway: the packaged jar with its embedded default (its own
 * PostgreSQL and Artemis), calls posted on four connections, then SIGTERM while they go on. The gateway finishes the
 * requests in flight and shuts down in order: no request is answered with a server error, no error is logged, the
 * JVM ends as SIGTERM ends it (143), and every call answered 201 is in its database.
 */
class GracefulShutdownEndToEndTest {

    private static final int SENDERS = 4;

    @Test
    @Timeout(600)
    void aGatewayStoppedUnderLoadFinishesItsRequestsAndLosesNone() throws Exception {
        Path data = Path.of("target/test-data", "shutdown-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(data);
        Path out = data.resolve("console.log");
        int port = PackagedGateway.freePort();
        int managementPort = PackagedGateway.freePort();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx768m",
                        "-XX:ErrorFile=" + data.resolve("hs_err_%p.log"),
                        "-jar",
                        PackagedGateway.jar().toString())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("PORT", String.valueOf(port));
        environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put("DB_PORT", String.valueOf(PackagedGateway.freePort()));
        environment.put("DB_DATA", data.resolve("pg").toString());
        environment.put("BROKER_PORT", String.valueOf(PackagedGateway.freePort()));
        environment.put("BROKER_DATA", data.resolve("artemis").toString());
        environment.put("INBOX_DIR", data.resolve("inbox").toString());
        environment.put("HOTLINE_CLASSIFICATION_SEMANTIC_ENABLED", "false");
        GatewayClient client = new GatewayClient(port, managementPort);
        Process gateway = builder.start();

        Set<String> created = ConcurrentHashMap.newKeySet();
        List<String> serverErrors = new ArrayList<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        int exit;
        try {
            PackagedGateway.awaitReady(client, gateway, Duration.ofSeconds(300));
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                running.add(senders.submit(() -> send(client, sending, created, serverErrors)));
            }
            // Some calls answered, then SIGTERM while the senders go on.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (created.size() < 50 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            gateway.destroy();
            assertThat(gateway.waitFor(120, TimeUnit.SECONDS))
                    .as("the gateway stopped within two minutes")
                    .isTrue();
            exit = gateway.exitValue();
            sending.set(false);
            for (Future<?> sender : running) {
                sender.get(90, TimeUnit.SECONDS);
            }
        } finally {
            sending.set(false);
            senders.shutdownNow();
            if (gateway.isAlive()) {
                gateway.destroyForcibly().waitFor();
            }
        }

        String console = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(exit)
                .as("ended by SIGTERM after a clean shutdown (128 + 15):\n%s", tail(console))
                .isEqualTo(143);
        assertThat(created).as("calls answered 201 before the shutdown").hasSizeGreaterThanOrEqualTo(50);
        assertThat(serverErrors).as("answers with a server error").isEmpty();
        List<String> failures = console.lines()
                .filter(line -> line.contains(" ERROR ")
                        || line.contains("marked as broken")
                        || line.contains("PSQLException")
                        || line.contains("Connection is closed")
                        || line.contains("A fatal error has been detected"))
                .toList();
        assertThat(failures).as("errors in the gateway's log").isEmpty();

        // Every call answered 201 is in the database the gateway left behind.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(data.resolve("pg"))
                        .setCleanDataDirectory(false)
                        .start();
                Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                PreparedStatement stored = connection.prepareStatement(
                        "SELECT count(*) FROM service_request WHERE source = 'HOTLINE' AND external_id = ANY (?)")) {
            stored.setArray(1, connection.createArrayOf("text", created.toArray()));
            try (ResultSet rows = stored.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("calls answered 201 and stored").isEqualTo(created.size());
            }
        }
    }

    /** Posts calls until told to stop; a refused or reset connection (the gateway no longer listening) is no answer. */
    private static void send(
            GatewayClient client, AtomicBoolean sending, Set<String> created, List<String> serverErrors) {
        SampleCalls.SampleCall sample = SampleCalls.byId("DEV-2026-0001");
        while (sending.get()) {
            String callId = "SHUTDOWN-" + UUID.randomUUID();
            try {
                GatewayClient.Response answer = client.postJson(
                        "/api/v1/calls", sample.withCallId(callId).toString());
                if (answer.status() == 201) {
                    created.add(callId);
                } else if (answer.status() >= 500) {
                    synchronized (serverErrors) {
                        serverErrors.add(answer.status() + " " + answer.body());
                    }
                }
            } catch (UncheckedIOException notListening) {
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(String text) {
        return text.length() <= 4_000 ? text : text.substring(text.length() - 4_000);
    }
}
