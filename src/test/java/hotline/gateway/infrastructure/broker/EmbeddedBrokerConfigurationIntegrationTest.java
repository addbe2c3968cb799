package hotline.gateway.infrastructure.broker;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Spring wiring only: when the embedded broker exists, when it runs, and what waits for it. */
class EmbeddedBrokerConfigurationIntegrationTest {

    @TempDir
    Path dataDir;

    @BeforeAll
    static void quietBrokerLogs() {
        EmbeddedBrokerIntegrationTest.quietBrokerLogs();
    }

    @AfterAll
    static void restoreBrokerLogs() {
        EmbeddedBrokerIntegrationTest.restoreBrokerLogs();
    }

    ApplicationContextRunner runner(int port) {
        return new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedBrokerConfiguration.class, GatewayConnectionFactory.class)
                .withPropertyValues(
                        "hotline.broker.embedded.port=" + port,
                        "hotline.broker.embedded.host=127.0.0.1",
                        "hotline.broker.embedded.config=config/artemis/broker.xml",
                        "hotline.broker.embedded.data-dir=" + dataDir,
                        "broker.port=" + port);
    }

    @Test
    void withoutBrokerUrlTheBrokerRunsBeforeTheContextIsReadyAndStopsWithIt() throws IOException {
        int port = EmbeddedBrokerIntegrationTest.freePort();
        AtomicReference<EmbeddedBroker> started = new AtomicReference<>();

        runner(port).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EmbeddedBroker.class);
            EmbeddedBroker broker = context.getBean(EmbeddedBroker.class);
            started.set(broker);
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.brokerUrl()).isEqualTo("tcp://127.0.0.1:" + port);
            assertThat(broker.dataDir()).isEqualTo(dataDir.toAbsolutePath());
            assertThat(context.getBeanFactory()
                            .getBeanDefinition("gatewayConnectionFactory")
                            .getDependsOn())
                    .contains("embeddedBroker");
            try (Connection connection =
                    context.getBean(ConnectionFactory.class).createConnection("gateway", "gateway-local")) {
                connection.start();
            }
        });

        assertThat(started.get()).isNotNull();
        assertThat(started.get().isRunning()).as("stopped at context close").isFalse();
    }

    @Test
    void withBrokerUrlThereIsNoEmbeddedBroker() throws IOException {
        runner(EmbeddedBrokerIntegrationTest.freePort())
                .withPropertyValues("BROKER_URL=tcp://broker.example:61616")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedBroker.class));
    }

    @Test
    void anEmptyBrokerUrlMeansEmbedded() throws IOException {
        runner(EmbeddedBrokerIntegrationTest.freePort())
                .withPropertyValues("BROKER_URL=")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(EmbeddedBroker.class));
    }

    /** Stands in for the connection factory Spring Boot's Artemis auto-configuration makes (mode native). */
    @Configuration(proxyBeanMethods = false)
    static class GatewayConnectionFactory {
        @Bean
        ConnectionFactory gatewayConnectionFactory(org.springframework.core.env.Environment environment) {
            return new ActiveMQConnectionFactory(
                    "tcp://127.0.0.1:" + environment.getProperty("broker.port") + "?reconnectAttempts=0");
        }
    }
}
