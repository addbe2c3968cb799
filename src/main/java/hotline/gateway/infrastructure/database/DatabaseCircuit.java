package hotline.gateway.infrastructure.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers that the database could not be reached, so that requests meanwhile fail at once instead of each waiting
 * for the pool's connection timeout. It opens when a connection cannot be had because the pool cannot connect (not
 * when every connection is merely busy); while open, asking for a connection fails at once with
 * {@link DatabaseUnavailableException}. After {@code openFor} it half-opens: the next request for a connection (any
 * caller's: a request, the outbox relay, the SLA sweep) tries the database, the others still fail at once; the
 * circuit closes when that try succeeds and opens again when it fails.
 */
public final class DatabaseCircuit {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCircuit.class);

    /** What a caller holds while it asks the pool for a connection. */
    enum Permit {
        /** The circuit is closed. */
        NORMAL,
        /** The one try of a half-open circuit. */
        TRIAL
    }

    private final long openForNanos;
    private final LongSupplier nanoTime;
    private boolean open;
    private long openUntil;
    private boolean trialRunning;

    public DatabaseCircuit(Duration openFor) {
        this(openFor, System::nanoTime);
    }

    DatabaseCircuit(Duration openFor, LongSupplier nanoTime) {
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("the circuit must stay open for a positive time, not " + openFor);
        }
        this.openForNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Before asking the pool for a connection; throws while the database is known to be unreachable. */
    synchronized Permit acquire() throws DatabaseUnavailableException {
        if (!open) {
            return Permit.NORMAL;
        }
        long wait = openUntil - nanoTime.getAsLong();
        if (wait > 0) {
            throw new DatabaseUnavailableException(seconds(wait));
        }
        if (trialRunning) {
            throw new DatabaseUnavailableException(1);
        }
        trialRunning = true;
        return Permit.TRIAL;
    }

    /** The pool gave a connection. */
    synchronized void succeeded(Permit permit) {
        if (permit == Permit.TRIAL) {
            trialRunning = false;
            open = false;
            log.info("Database reachable again");
            notifyAll();
        }
    }

    /**
     * The pool gave no connection; the circuit opens when it could not connect (see {@link #unreachable}).
     *
     * @param failure what the pool threw; null for an error that says nothing about the database
     */
    synchronized void failed(Permit permit, SQLException failure) {
        if (permit == Permit.TRIAL) {
            trialRunning = false;
        }
        if (!unreachable(failure)) {
            return;
        }
        if (!open) {
            log.warn(
                    "Database unreachable ({}): requests are answered 503 at once for {} s, then the database is tried"
                            + " again",
                    failure.getMessage(),
                    seconds(openForNanos));
        }
        open = true;
        openUntil = nanoTime.getAsLong() + openForNanos;
    }

    /**
     * A pool that timed out with no connection failure behind it was only busy; anything else (a timeout caused by a
     * failure to connect, a driver's error) means the database cannot be reached.
     */
    static boolean unreachable(SQLException failure) {
        if (failure == null) {
            return false;
        }
        return !(failure instanceof SQLTransientConnectionException) || failure.getCause() != null;
    }

    public synchronized boolean isOpen() {
        return open;
    }

    /**
     * Waits until the circuit is closed (another caller's try found the database again), at most {@code max}.
     *
     * @return whether it is closed
     */
    public synchronized boolean awaitClosed(Duration max) throws InterruptedException {
        long deadline = nanoTime.getAsLong() + max.toNanos();
        while (open) {
            long left = deadline - nanoTime.getAsLong();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)));
        }
        return true;
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
