package hotline.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.infrastructure.broker.EmbeddedBroker;
import hotline.gateway.security.ApiKeys;
import hotline.gateway.support.BrokerClient;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.SampleCalls;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production layout: with DB_URL and BROKER_URL set, the gateway starts neither embedded server and works
 * against the PostgreSQL and the Artemis it is given (here started apart from it, reached over TCP).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // closed after this class, before its servers stop at the end of the run
class ExternalServicesEndToEndTest {

    private static final Path DATA =
            Path.of("target/test-data", "external-" + UUID.randomUUID()).toAbsolutePath();
    private static final EmbeddedPostgres POSTGRES = startPostgres();
    private static final EmbeddedBroker BROKER = startBroker();
    /** The key the operator generated; the gateway gets only its hash. */
    private static final String OPERATOR_KEY = ApiKeys.generate();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void externalServices(DynamicPropertyRegistry registry) {
        registry.add("DB_URL", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("DB_USER", () -> "postgres");
        registry.add("DB_PASSWORD", () -> "");
        registry.add("BROKER_URL", BROKER::brokerUrl);
        registry.add("BROKER_USER", () -> "gateway");
        registry.add("BROKER_PASSWORD", () -> "gateway-local");
        registry.add("hotline.inbox.dir", () -> DATA.resolve("inbox").toString());
        registry.add("HOTLINE_OPERATOR_KEY_SHA256", () -> HexFormat.of().formatHex(ApiKeys.hash(OPERATOR_KEY)));
    }

    @Test
    void startsNoEmbeddedServerAndDispatchesThroughTheGivenOnes() {
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        assertThat(context.getBeanNamesForType(EmbeddedBroker.class)).isEmpty();

        // Production seeds the first operator from HOTLINE_OPERATOR_KEY_SHA256, and nothing else: no local client.
        GatewayClient gateway = new GatewayClient(port);
        assertThat(gateway.get("/api/v1/criteria").status()).isEqualTo(401);
        GatewayClient operator = gateway.as("operator", OPERATOR_KEY);
        assertThat(operator.get("/api/v1/admin/clients").json())
                .extracting(client -> client.get("id").asText())
                .containsExactly("operator");
        GatewayClient.Response hotline =
                operator.postJson("/api/v1/admin/clients", "{\"id\": \"hotline-system\", \"role\": \"HOTLINE\"}");
        assertThat(hotline.status()).isEqualTo(201);

        GatewayClient.Response response = gateway.withKey(
                        hotline.json().at("/key/key").asText())
                .postJson(
                        "/api/v1/calls",
                        SampleCalls.byId("DEV-2026-0003")
                                .withCallId("EXT-" + UUID.randomUUID())
                                .toString());

        assertThat(response.status()).isEqualTo(201);
        String ticketNo = response.json().get("ticketNo").asText();
        BrokerClient broker = new BrokerClient(BROKER.brokerUrl(), "gateway", "gateway-local");
        assertThat(broker.take("tickets.310113109", ticketNo, 10_000)).hasSize(1);
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            // zonky stops the server in a shutdown hook of its own.
            return EmbeddedPostgres.builder()
                    .setDataDirectory(DATA.resolve("pg"))
                    .setCleanDataDirectory(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedBroker startBroker() {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            EmbeddedBroker broker = new EmbeddedBroker(
                    Path.of("config/artemis/broker.xml"), "127.0.0.1", port, DATA.resolve("artemis"));
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
