package hotline.gateway.dispatch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far dispatch lags: messages waiting in the outbox and the age of the oldest, read when metrics are scraped
 * (the partial index on pending rows keeps this cheap).
 */
@Component
public class OutboxMetrics {

    public OutboxMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        Gauge.builder(
                        "hotline.outbox.pending",
                        jdbc,
                        db -> db.queryForObject("SELECT count(*) FROM outbox WHERE sent_at IS NULL", Long.class))
                .description("Outbox messages not yet confirmed by the broker")
                .register(registry);
        Gauge.builder(
                        "hotline.outbox.oldest.pending.age",
                        jdbc,
                        db -> db.queryForObject(
                                "SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) "
                                        + "FROM outbox WHERE sent_at IS NULL",
                                Double.class))
                .description("Age of the oldest outbox message not yet confirmed by the broker")
                .baseUnit("seconds")
                .register(registry);
    }
}
