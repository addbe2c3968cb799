package hotline.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole gateway on a random HTTP port, with a real embedded PostgreSQL and a real embedded Artemis reached over
 * TCP, each with fresh data under target/test-data. All integration tests share one application context, with
 * metrics exported as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@CamelSpringBootTest
@Import(GatewayIntegrationTest.TestClockConfiguration.class)
// The semantic stage's own end-to-end test switches it on, with a small training set.
@TestPropertySource(properties = "hotline.classification.semantic.enabled=false")
public abstract class GatewayIntegrationTest {

    protected static final Path DATA =
            Path.of("target/test-data", UUID.randomUUID().toString()).toAbsolutePath();
    protected static final int BROKER_PORT = freePort();
    protected static final Path INBOX = DATA.resolve("inbox");
    /** The outreach feeds' inbox folders: FEEDS/<feed>/inbox/. */
    protected static final Path FEEDS = DATA.resolve("feeds");

    /** The gateway's clock: tests of deadlines set and advance it, and let it follow the system time again. */
    protected static final TestClock CLOCK = new TestClock();

    @LocalServerPort
    protected int port;

    /** The actuator's port (MANAGEMENT_PORT; a free one here). */
    @LocalManagementPort
    protected int managementPort;

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add(
                "hotline.database.embedded.data-dir", () -> DATA.resolve("pg").toString());
        // Throwaway data: the tests skip flushing it to disk (the gateway's default flushes every commit).
        registry.add("hotline.database.embedded.fsync", () -> "false");
        registry.add("hotline.broker.embedded.port", () -> BROKER_PORT);
        registry.add(
                "hotline.broker.embedded.data-dir",
                () -> DATA.resolve("artemis").toString());
        registry.add("hotline.inbox.dir", INBOX::toString);
        registry.add("hotline.outreach.feeds-dir", FEEDS::toString);
        // The deadline tests run the SLA sweep themselves, at the times they set.
        registry.add("hotline.sla.sweep-period", () -> "1h");
        // The broker's queues are read every second (production: 15 s), so tests see a message within a second or two.
        registry.add("hotline.broker.metrics.period", () -> "1s");
    }

    /** A test that set the clock leaves it following the system time again, for the tests after it. */
    @AfterEach
    void followSystemTime() {
        CLOCK.followSystem();
    }

    protected GatewayClient gateway() {
        return new GatewayClient(port, managementPort);
    }

    protected static BrokerClient broker() {
        return new BrokerClient("tcp://127.0.0.1:" + BROKER_PORT, "gateway", "gateway-local");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
