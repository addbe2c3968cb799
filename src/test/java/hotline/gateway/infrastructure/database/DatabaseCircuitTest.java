package hotline.gateway.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DatabaseCircuitTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final DatabaseCircuit circuit = new DatabaseCircuit(Duration.ofSeconds(5), now::get);
    private final Pool pool = new Pool();
    private final CircuitBreakingDataSource dataSource = new CircuitBreakingDataSource(pool, circuit);

    /** Hikari's timeout when it could not connect: the connection failure is its cause. */
    private static SQLTransientConnectionException cannotConnect() {
        return new SQLTransientConnectionException(
                "gateway-db - Connection is not available, request timed out after 2000ms",
                new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException()));
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void opensWhenThePoolCannotConnectAndFailsAtOnceUntilItHalfOpens() throws SQLException {
        pool.failWith = cannotConnect();
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failWith);
        assertThat(circuit.isOpen()).isTrue();

        advance(Duration.ofMillis(1_500));
        DatabaseUnavailableException refused =
                catchThrowableOfType(DatabaseUnavailableException.class, dataSource::getConnection);
        assertThat(refused.retryAfterSeconds()).isEqualTo(4); // 3.5 s left, rounded up
        assertThat((Throwable) refused).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(pool.asked.get())
                .as("the pool is not asked while the circuit is open")
                .isEqualTo(1);

        advance(Duration.ofMillis(3_500));
        pool.failWith = null;
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection).isNull(); // the fake pool's connection
        }
        assertThat(circuit.isOpen()).isFalse();
        assertThat(pool.asked.get()).isEqualTo(2);
    }

    @Test
    void halfOpenLetsOneTryThroughAndOpensAgainWhenItFails() throws Exception {
        pool.failWith = cannotConnect();
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        advance(Duration.ofSeconds(5));

        DatabaseCircuit.Permit trial = circuit.acquire();
        assertThat(trial).isEqualTo(DatabaseCircuit.Permit.TRIAL);
        // While the try is under way, everyone else is answered at once.
        assertThat(catchThrowableOfType(DatabaseUnavailableException.class, dataSource::getConnection)
                        .retryAfterSeconds())
                .isEqualTo(1);
        circuit.failed(trial, cannotConnect());

        assertThat(circuit.isOpen()).isTrue();
        assertThat(catchThrowableOfType(DatabaseUnavailableException.class, dataSource::getConnection)
                        .retryAfterSeconds())
                .isEqualTo(5);
    }

    @Test
    void aPoolThatIsOnlyBusyDoesNotOpenIt() {
        pool.failWith = new SQLTransientConnectionException("gateway-db - Connection is not available (busy)");
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failWith);
        assertThat(circuit.isOpen()).isFalse();
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failWith);
        assertThat(pool.asked.get()).isEqualTo(2);
    }

    @Test
    void awaitClosedReturnsWhenAnotherCallerFindsTheDatabaseAgain() throws Exception {
        DatabaseCircuit real = new DatabaseCircuit(Duration.ofMillis(50));
        real.failed(DatabaseCircuit.Permit.NORMAL, cannotConnect());
        assertThat(real.awaitClosed(Duration.ofMillis(100))).isFalse();

        Thread.sleep(60);
        DatabaseCircuit.Permit trial = real.acquire();
        Thread finder = new Thread(() -> {
            sleep(100);
            real.succeeded(trial);
        });
        finder.start();
        assertThat(real.awaitClosed(Duration.ofSeconds(10))).isTrue();
        finder.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A pool that fails with the given exception, or hands out a null connection. */
    private static final class Pool implements DataSource {
        SQLException failWith;
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            asked.incrementAndGet();
            if (failWith != null) {
                throw failWith;
            }
            return null;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return null;
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
