package hotline.gateway.bench;

import com.zaxxer.hikari.HikariDataSource;
import hotline.gateway.infrastructure.database.EmbeddedPostgresConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmarks' PostgreSQL: an embedded server on fresh data with the embedded runtime's own settings (fsync, full
 * page writes and synchronous commit on: zonky's default runs with fsync off, which no deployment does), and a pool
 * of four connections on the migrated schema, as the gateway's.
 */
final class BenchDatabase {

    /**
     * Memory for the bulk benchmarks (the outreach register of a million persons): more than the embedded runtime's
     * defaults, as an operator would give a server that rebuilds such a register (docs/operations.md).
     */
    static final Map<String, String> BULK_MEMORY = Map.of(
            "shared_buffers", "512MB", "work_mem", "64MB", "maintenance_work_mem", "256MB", "max_wal_size", "4GB");

    private BenchDatabase() {}

    /** A builder for a server on {@code data} (emptied) with the runtime's settings, then {@code extra}. */
    static EmbeddedPostgres.Builder server(Path data, Map<String, String> extra) {
        EmbeddedPostgres.Builder server =
                EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true);
        EmbeddedPostgresConfiguration.serverSettings(true).forEach(server::setServerConfig);
        extra.forEach(server::setServerConfig);
        return server;
    }

    /** Connections that stage the register, and that write the visit tickets, side by side (-Dconnections; 2). */
    static final int CONNECTIONS = Integer.getInteger("connections", 2);

    /**
     * Connections to {@code postgres} (two more than the {@link #CONNECTIONS} a run works on side by side: the run's own
     * and one to spare) with the gateway's driver options ({@code urlOptions} added), the schema
     * migrated, and the settings that decide durability and memory printed.
     */
    static HikariDataSource migratedPool(EmbeddedPostgres postgres, String urlOptions) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&prepareThreshold=1" + urlOptions);
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(Math.max(4, CONNECTIONS + 2));
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        System.out.println("server: " + new JdbcTemplate(dataSource).queryForObject("""
                SELECT string_agg(name || ' ' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
                WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'wal_buffers',
                               'max_wal_size', 'checkpoint_timeout', 'work_mem', 'maintenance_work_mem')
                """, String.class));
        return dataSource;
    }
}
