package hotline.gateway.infrastructure.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connection pool behind a {@link DatabaseCircuit}: while the database is known to be unreachable, asking for a
 * connection fails at once instead of waiting for the pool's connection timeout. Everything else is the pool's
 * (unwrap it for Hikari's own API).
 */
public class CircuitBreakingDataSource extends DelegatingDataSource {

    private final DatabaseCircuit circuit;

    public CircuitBreakingDataSource(DataSource pool, DatabaseCircuit circuit) {
        super(pool);
        this.circuit = circuit;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseCircuit.Permit permit = circuit.acquire();
        Connection connection;
        try {
            connection = obtainTargetDataSource().getConnection();
        } catch (SQLException e) {
            circuit.failed(permit, e);
            throw e;
        } catch (RuntimeException | Error e) {
            circuit.failed(permit, null);
            throw e;
        }
        circuit.succeeded(permit);
        return connection;
    }

    public DatabaseCircuit circuit() {
        return circuit;
    }
}
