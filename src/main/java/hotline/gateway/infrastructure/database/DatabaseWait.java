package hotline.gateway.infrastructure.database;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message that failed because the database is unreachable waits here, holding its delivery, until the database is
 * reachable again (at most a while), before it is given back to the broker: each delivery attempt of an office event
 * then counts a real try, and an outage of minutes does not send events to the dead-letter queue.
 */
public final class DatabaseWait {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWait.class);

    private final DatabaseCircuit circuit;
    private final Duration max;

    public DatabaseWait(DatabaseCircuit circuit, Duration max) {
        this.circuit = circuit;
        this.max = max;
    }

    /** Returns when the circuit is closed, or after the longest wait. */
    public void awaitDatabase() throws InterruptedException {
        if (!circuit.awaitClosed(max)) {
            log.warn("Database still unreachable after {} s: the message goes back to the broker", max.toSeconds());
        }
    }
}
