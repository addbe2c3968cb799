package hotline.gateway.infrastructure.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default runtime: without DB_URL the gateway starts a real PostgreSQL (zonky's binaries) with its data under
 * {@code data/pg}, kept across restarts, and connects to it through the same Hikari pool as in production. Writes are
 * flushed to disk (fsync, full page writes, synchronous commit), and a start takes the data directory over from a
 * server that a killed gateway left running.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${DB_URL:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * The server, stopped by Spring when the context closes: after the routes, the outbox relay and the connection
     * pool that use it, so that a graceful shutdown (SIGTERM) lets the requests in flight finish their transactions.
     * zonky's own JVM shutdown hook would stop it at once, beside Spring's shutdown, under those requests.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        return start(properties, false);
    }

    /**
     * Starts the embedded server on the configured data directory, first stopping a server that an earlier run of the
     * gateway left on it (a gateway killed with {@code kill -9} leaves its PostgreSQL running). The server stops
     * when the JVM exits, or before on {@link EmbeddedPostgres#close()}.
     */
    static EmbeddedPostgres start(EmbeddedPostgresProperties properties) throws IOException {
        return start(properties, true);
    }

    /**
     * As {@link #start(EmbeddedPostgresProperties)}; with {@code stopOnJvmExit} false, only {@link
     * EmbeddedPostgres#close()} stops the server (a server left running is taken over at the next start).
     */
    static EmbeddedPostgres start(EmbeddedPostgresProperties properties, boolean stopOnJvmExit) throws IOException {
        Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        Files.createDirectories(dataDir.getParent());
        long started = System.nanoTime();
        new PostmasterTakeover().takeOver(dataDir);
        if (!properties.fsync()) {
            log.warn("Embedded PostgreSQL runs with fsync off: a crash of the machine may lose or corrupt data");
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(stopOnJvmExit);
        serverSettings(properties.fsync()).forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        log.info(
                "Embedded PostgreSQL on port {} with data in {} (started in {} ms)",
                postgres.getPort(),
                dataDir,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return postgres;
    }

    /**
     * The settings the embedded server starts with; the benchmarks start theirs with the same, so that what they
     * measure is what the runtime does. zonky starts the server with -F (fsync off) and synchronous_commit off, for
     * test speed; an acknowledged call must survive a crash of the gateway or of the machine. A -c setting comes
     * after -F on the server's command line and overrides it.
     */
    public static Map<String, String> serverSettings(boolean fsync) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", fsync ? "on" : "off");
        settings.put("full_page_writes", "on");
        settings.put("synchronous_commit", "on");
        settings.put("timezone", "UTC");
        return settings;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .password("")
                .build();
    }
}
