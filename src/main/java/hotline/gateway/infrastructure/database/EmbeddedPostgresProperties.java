package hotline.gateway.infrastructure.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data, which port it listens on (0: a free port), and whether it flushes
 * its writes to disk ({@code fsync}, on unless set off: only tests turn it off, for speed).
 */
@ConfigurationProperties("hotline.database.embedded")
public record EmbeddedPostgresProperties(
        String dataDir, int port, @DefaultValue("true") boolean fsync) {

    public EmbeddedPostgresProperties {
        if (dataDir == null || dataDir.isBlank()) {
            dataDir = "data/pg";
        }
    }
}
