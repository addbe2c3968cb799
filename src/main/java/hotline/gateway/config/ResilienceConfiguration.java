package hotline.gateway.config;

import hotline.gateway.infrastructure.database.CircuitBreakingDataSource;
import hotline.gateway.infrastructure.database.DatabaseCircuit;
import hotline.gateway.infrastructure.database.DatabaseWait;
import hotline.gateway.infrastructure.health.TimeLimitedHealthIndicator;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Failing fast while something is down: the database's connection pool sits behind a {@link DatabaseCircuit}, so
 * that requests are answered 503 at once while the database is known to be unreachable, and every health check
 * answers within a time limit, so that /actuator/health answers within a second whatever is down. (The pool's own
 * connection timeout, spring.datasource.hikari.connection-timeout, bounds the first request that finds the database
 * gone.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceConfiguration.ResilienceProperties.class)
public class ResilienceConfiguration {

    /**
     * @param databaseRetryAfter how long requests are answered 503 at once after the database was found unreachable,
     *                           before it is tried again (and the Retry-After of those answers)
     * @param healthTimeout      how long one health check may take before it is reported DOWN
     * @param queueDatabaseWait  how long an office event from the ticket-events queue waits for the database to be
     *                           reachable again before it is given back to the broker (a delivery attempt counted)
     */
    @ConfigurationProperties("hotline.resilience")
    public record ResilienceProperties(
            @DefaultValue("5s") Duration databaseRetryAfter,
            @DefaultValue("400ms") Duration healthTimeout,
            @DefaultValue("30s") Duration queueDatabaseWait) {

        /** Bound from the environment directly: the post-processors below are made before properties beans. */
        static ResilienceProperties of(Environment environment) {
            return Binder.get(environment).bindOrCreate("hotline.resilience", ResilienceProperties.class);
        }
    }

    /** Every DataSource bean (the embedded runtime's pool or Spring Boot's from DB_URL) behind one circuit. */
    @Bean
    static BeanPostProcessor databaseCircuitBreaker(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource pool && !(bean instanceof CircuitBreakingDataSource)) {
                    return new CircuitBreakingDataSource(
                            pool,
                            new DatabaseCircuit(
                                    ResilienceProperties.of(environment).databaseRetryAfter()));
                }
                return bean;
            }
        };
    }

    /** Every health indicator with a time limit; the checks run on a few daemon threads of their own. */
    @Bean
    static BeanPostProcessor healthTimeLimits(Environment environment) {
        ExecutorService checks = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
            private final AtomicInteger threads = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
                Thread thread = new Thread(task, "health-check-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }
        });
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HealthIndicator check && !(bean instanceof TimeLimitedHealthIndicator)) {
                    return new TimeLimitedHealthIndicator(
                            check, ResilienceProperties.of(environment).healthTimeout(), checks);
                }
                return bean;
            }
        };
    }

    /** The circuit's wait, for the queue flow of office events (routes/office-events.yaml). */
    @Bean
    DatabaseWait databaseWait(DataSource dataSource, ResilienceProperties properties) {
        if (dataSource instanceof CircuitBreakingDataSource breaking) {
            return new DatabaseWait(breaking.circuit(), properties.queueDatabaseWait());
        }
        throw new IllegalStateException("the DataSource is not behind the database circuit: " + dataSource);
    }
}
