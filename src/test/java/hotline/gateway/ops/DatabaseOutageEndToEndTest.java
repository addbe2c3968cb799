package hotline.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.infrastructure.broker.EmbeddedBroker;
import hotline.gateway.support.BrokerClient;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.SampleCalls;
import hotline.gateway.support.Tickets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database stops under a running gateway (its own PostgreSQL, apart from the other tests'): a request is answered
 * 503 problem+json with Retry-After after the pool's 2 s connection timeout, not Hikari's default 30 s, and at once
 * while the database circuit is open; /actuator/health answers at once whatever is down; an office event that came on
 * the queue meanwhile waits, and is applied once the database is back. Times are printed, not asserted; the HTTP
 * client gives up after 15 s, well under the 30 s a request used to wait.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // closed after this class, before its servers stop at the end of the run
class DatabaseOutageEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path DATA =
            Path.of("target/test-data", "outage-" + UUID.randomUUID()).toAbsolutePath();
    private static final int POSTGRES_PORT = freePort();
    private static final int BROKER_PORT = freePort();
    private static final String OPERATOR_KEY = "outage-test-operator-key-" + java.util.UUID.randomUUID();
    private static EmbeddedPostgres postgres = startPostgres();

    private static String sha256Hex(String key) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EmbeddedBroker broker = startBroker();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("DB_URL", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("DB_USER", () -> "postgres");
        // With DB_URL set no local clients are made: the first operator comes from its key's hash, as in production.
        registry.add("hotline.security.operator-key-sha256", () -> sha256Hex(OPERATOR_KEY));
        registry.add("DB_PASSWORD", () -> "");
        registry.add("BROKER_URL", () -> "tcp://127.0.0.1:" + BROKER_PORT);
        registry.add("BROKER_USER", () -> "gateway");
        registry.add("BROKER_PASSWORD", () -> "gateway-local");
        registry.add("hotline.inbox.dir", () -> DATA.resolve("inbox").toString());
        // Not the 5 s a 503 says when the circuit is not what answered: a Retry-After of at most 4 is the circuit's.
        registry.add("hotline.resilience.database-retry-after", () -> "4s");
    }

    @Test
    void withTheDatabaseDownRequestsAre503AtOnceAndEverythingResumesWhenItIsBack() throws Exception {
        Reply taken = post("/api/v1/calls", call());
        assertThat(taken.status()).isEqualTo(201);
        String ticketNo = taken.json().get("ticketNo").asText();

        postgres.close();

        Reply first = post("/api/v1/calls", call());
        System.out.printf("database down: first call answered %d in %d ms%n", first.status(), first.millis());
        assertUnavailable(first);
        Reply next = post("/api/v1/calls", call());
        System.out.printf(
                "database down: second call answered %d in %d ms, Retry-After %s%n",
                next.status(), next.millis(), next.retryAfter());
        assertUnavailable(next);
        Reply third = post("/api/v1/calls", call());
        System.out.printf(
                "database down, circuit open: third call answered %d in %d ms, Retry-After %s%n",
                third.status(), third.millis(), third.retryAfter());
        assertUnavailable(third);
        assertThat(Long.parseLong(third.retryAfter()))
                .as("answered by the open circuit, not after a connection timeout")
                .isBetween(1L, 4L);
        assertUnavailable(get("/api/v1/tickets/" + ticketNo));
        assertUnavailable(post(
                "/api/v1/tickets/" + ticketNo + "/events",
                Tickets.eventJson(null, "ev-" + UUID.randomUUID(), "SIGN", Map.of("office", "310113109")),
                "gateway",
                "gateway-local"));
        assertUnavailable(get("/api/v1/reports/sla"));

        Reply health = get("/actuator/health");
        System.out.printf("database down: /actuator/health answered %d in %d ms%n", health.status(), health.millis());
        // Health answers DOWN at once; its details need the operator's key, which cannot be checked while the database
        // that holds the keys is down, so the load balancer's anonymous probe gets the public answer.
        assertThat(health.status()).isEqualTo(503);
        Reply readiness = get("/actuator/health/readiness");
        System.out.printf("database down: readiness answered %d in %d ms%n", readiness.status(), readiness.millis());
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);

        // An office event on the queue while the database is down: it must neither be lost nor end in DLQ.
        BrokerClient gateway = new BrokerClient("tcp://127.0.0.1:" + BROKER_PORT, "gateway", "gateway-local");
        gateway.send(
                "ticket-events",
                Tickets.eventJson(ticketNo, "ev-" + UUID.randomUUID(), "SIGN", Map.of("office", "310113109")),
                Map.of());
        Thread.sleep(2_000);

        postgres = startPostgres();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> post("/api/v1/calls", call()).status() == 201);
        System.out.printf(
                "database back: calls answered 201 again after %d ms%n",
                Duration.ofNanos(System.nanoTime() - back).toMillis());
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(get("/api/v1/tickets/" + ticketNo)
                                .json()
                                .get("status")
                                .asText())
                        .isEqualTo("SIGNED"));
        assertThat(gateway.count("DLQ", ticketNo)).isZero();
        assertThat(get("/actuator/health").status()).isEqualTo(200);

        broker.close();
        try {
            // With the database up the operator's key is checked, and the operator sees which part is down.
            Reply brokerDown = send(request("/actuator/health")
                    .header("Authorization", GatewayClient.basic("operator", OPERATOR_KEY))
                    .GET()
                    .build());
            System.out.printf(
                    "broker down: /actuator/health answered %d in %d ms%n", brokerDown.status(), brokerDown.millis());
            assertThat(brokerDown.status()).isEqualTo(503);
            assertThat(brokerDown.json().at("/components/jms/status").asText()).isEqualTo("DOWN");
            assertThat(brokerDown.json().at("/components/db/status").asText()).isEqualTo("UP");
            assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
        } finally {
            broker = startBroker();
        }
    }

    private static void assertUnavailable(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(503);
        assertThat(reply.json().get("type").asText()).isEqualTo("/problems/unavailable");
        assertThat(reply.retryAfter()).isNotNull();
        assertThat(Long.parseLong(reply.retryAfter())).isBetween(1L, 60L);
        assertThat(reply.body()).doesNotContain("Exception", "at hotline.");
    }

    private static String call() {
        return SampleCalls.byId("DEV-2026-0003")
                .withCallId("OUTAGE-" + UUID.randomUUID())
                .toString();
    }

    private Reply post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, null, null);
    }

    private Reply post(String path, String json, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        request.header(
                "Authorization",
                user != null ? GatewayClient.basic(user, password) : GatewayClient.basic("operator", OPERATOR_KEY));
        return send(request.build());
    }

    /** The API as the operator, who may read everything; the health probes as a load balancer does, anonymously. */
    private Reply get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).GET();
        if (!path.startsWith("/actuator")) {
            request.header("Authorization", GatewayClient.basic("operator", OPERATOR_KEY));
        }
        return send(request.build());
    }

    private HttpRequest.Builder request(String path) {
        int to = path.startsWith("/actuator") ? managementPort : port;
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path))
                .timeout(Duration.ofSeconds(15));
    }

    private static Reply send(HttpRequest request) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After").orElse(null),
                response.body(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    record Reply(int status, String contentType, String retryAfter, String body, long millis) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    /** On a fixed port and data directory, so that it can be stopped and started again under the gateway. */
    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(DATA.resolve("pg"))
                    .setCleanDataDirectory(false)
                    .setPort(POSTGRES_PORT)
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedBroker startBroker() {
        EmbeddedBroker started = new EmbeddedBroker(
                Path.of("config/artemis/broker.xml"), "127.0.0.1", BROKER_PORT, DATA.resolve("artemis"));
        started.start();
        Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        return started;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
