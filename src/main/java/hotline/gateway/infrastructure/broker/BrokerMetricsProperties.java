package hotline.gateway.infrastructure.broker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the broker's queues are read for Prometheus ({@link BrokerQueueMetrics}).
 *
 * @param period how often the queues are polled (the timer of route broker-metrics)
 * @param timeout how long one management request waits for the broker's answer
 */
@ConfigurationProperties("hotline.broker.metrics")
public record BrokerMetricsProperties(
        @DefaultValue("15s") Duration period,
        @DefaultValue("5s") Duration timeout) {}
