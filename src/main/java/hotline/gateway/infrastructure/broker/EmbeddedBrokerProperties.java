package hotline.gateway.infrastructure.broker;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded Artemis broker, started when BROKER_URL is empty (see {@link EmbeddedBrokerConfiguration}).
 *
 * @param host    interface of the TCP acceptor offices and the gateway connect to (BROKER_HOST)
 * @param port    port of that acceptor, CORE, AMQP, STOMP and MQTT on one port (BROKER_PORT)
 * @param config  the broker.xml shared with the standalone broker; users, roles and the generated includes are
 *                read from the same folder (BROKER_CONFIG)
 * @param dataDir journal, bindings, paging and large messages; kept across restarts (BROKER_DATA)
 */
@ConfigurationProperties("hotline.broker.embedded")
public record EmbeddedBrokerProperties(
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("61616") int port,
        @DefaultValue("config/artemis/broker.xml") Path config,
        @DefaultValue("data/artemis") Path dataDir) {}
