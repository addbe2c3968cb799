package hotline.gateway.infrastructure.broker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The broker's queues in Prometheus, read over the broker's management (embedded or external alike). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BrokerMetricsProperties.class)
public class BrokerMetricsConfiguration {

    @Bean
    BrokerManagement brokerManagement(ConnectionFactory connectionFactory, BrokerMetricsProperties properties) {
        return new BrokerManagement(connectionFactory, properties.timeout());
    }

    @Bean
    BrokerQueueMetrics brokerQueueMetrics(
            BrokerManagement management, ObjectMapper json, Clock clock, MeterRegistry registry) {
        return new BrokerQueueMetrics(management, json, clock, registry);
    }
}
