package hotline.gateway.infrastructure.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * {@code data/pg}, kept across restarts, and connects to it through the same Hikari pool as in production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${DB_URL:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDir = Path.of(properties.dataDir()).toAbsolutePath();
        Files.createDirectories(dataDir.getParent());
        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky turns synchronous_commit off for test speed; an acknowledged call must survive a crash.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("timezone", "UTC")
                .start();
        log.info(
                "Embedded PostgreSQL on port {} with data in {} (started in {} ms)",
                postgres.getPort(),
                dataDir,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return postgres;
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
