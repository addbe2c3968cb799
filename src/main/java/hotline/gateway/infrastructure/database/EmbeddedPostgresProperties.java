package hotline.gateway.infrastructure.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data and which port it listens on (0: a free port).
 */
@ConfigurationProperties("hotline.database.embedded")
public record EmbeddedPostgresProperties(String dataDir, int port) {

    public EmbeddedPostgresProperties {
        if (dataDir == null || dataDir.isBlank()) {
            dataDir = "data/pg";
        }
    }
}
