package hotline.gateway.infrastructure.database;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code hotline_database_up}: 1 when the database answered a trivial query at scrape time, else 0. Behind the
 * database circuit, a scrape while the database is known to be down is answered at once.
 */
@Component
public class DatabaseMetrics {

    public DatabaseMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        Gauge.builder("hotline.database.up", jdbc, DatabaseMetrics::up)
                .description("1 when PostgreSQL answered the gateway at scrape time, else 0")
                .register(registry);
    }

    private static double up(JdbcTemplate jdbc) {
        try {
            Integer one = jdbc.queryForObject("SELECT 1", Integer.class);
            return one != null && one == 1 ? 1 : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
