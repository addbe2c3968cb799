package hotline.gateway.infrastructure.database;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's embedded PostgreSQL in a JVM of its own, for {@link EmbeddedPostgresRestartIntegrationTest}, which
 * kills this JVM with SIGKILL: starts the server on the data directory it is given exactly as the gateway does, with
 * the default settings, writes a row, prints a line starting {@value #READY} with the server's durability settings,
 * and waits. When its standard input closes (the test's JVM has gone) it stops the server and exits.
 */
public final class EmbeddedPostgresChildProcess {

    static final String READY = "READY";
    static final String ROW = "written before kill -9";

    private EmbeddedPostgresChildProcess() {}

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        Path dataDir = Path.of(args[0]);
        EmbeddedPostgres postgres =
                EmbeddedPostgresConfiguration.start(new EmbeddedPostgresProperties(dataDir.toString(), 0, true));
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE restart_check (note text PRIMARY KEY)");
            statement.execute("INSERT INTO restart_check (note) VALUES ('" + ROW + "')");
            System.out.println(READY + " fsync=" + show(statement, "fsync")
                    + " full_page_writes=" + show(statement, "full_page_writes")
                    + " synchronous_commit=" + show(statement, "synchronous_commit"));
        }
        System.out.flush();
        while (System.in.read() != -1) {
            // nothing to read: the test never writes
        }
        postgres.close();
    }

    static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }
}
