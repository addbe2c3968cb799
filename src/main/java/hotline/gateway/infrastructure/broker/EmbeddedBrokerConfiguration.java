package hotline.gateway.infrastructure.broker;

import jakarta.jms.ConnectionFactory;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The default runtime's broker: with BROKER_URL empty or absent, an Artemis broker starts inside the gateway from
 * config/artemis/broker.xml with its security (see {@link EmbeddedBroker}); the gateway's own JMS connection
 * factory (spring.artemis.mode=native) then connects to it over TCP like any office does. With BROKER_URL set,
 * nothing here is created and the gateway uses that broker.
 *
 * <p>The broker is started in its bean's init method, so it takes connections before any bean that needs it, and
 * stopped at context close. Every JMS ConnectionFactory bean is made to depend on it, so it is created (and closed)
 * in the right order.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedBrokerConfiguration.NoExternalBroker.class)
@EnableConfigurationProperties(EmbeddedBrokerProperties.class)
public class EmbeddedBrokerConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    public EmbeddedBroker embeddedBroker(EmbeddedBrokerProperties properties) {
        return new EmbeddedBroker(properties);
    }

    @Bean
    static ConnectionFactoriesDependOnEmbeddedBroker connectionFactoriesDependOnEmbeddedBroker() {
        return new ConnectionFactoriesDependOnEmbeddedBroker();
    }

    static final class ConnectionFactoriesDependOnEmbeddedBroker extends AbstractDependsOnBeanFactoryPostProcessor {
        ConnectionFactoriesDependOnEmbeddedBroker() {
            super(ConnectionFactory.class, EmbeddedBroker.class);
        }
    }

    /** Matches when BROKER_URL (environment variable or property) is empty or absent. */
    static final class NoExternalBroker extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String brokerUrl = context.getEnvironment().getProperty("BROKER_URL");
            return StringUtils.hasText(brokerUrl)
                    ? ConditionOutcome.noMatch("BROKER_URL is set: the gateway uses that broker")
                    : ConditionOutcome.match("BROKER_URL is empty: the embedded broker starts");
        }
    }
}
