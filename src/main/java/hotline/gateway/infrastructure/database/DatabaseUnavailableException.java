package hotline.gateway.infrastructure.database;

import java.sql.SQLTransientConnectionException;

/**
 * No connection was tried: the database was found unreachable moments ago ({@link DatabaseCircuit} is open). Callers
 * answer at once, and may try again after {@link #retryAfterSeconds()}.
 */
public class DatabaseUnavailableException extends SQLTransientConnectionException {

    private final long retryAfterSeconds;

    DatabaseUnavailableException(long retryAfterSeconds) {
        super("database unreachable; not trying again for " + retryAfterSeconds + " s", "08001");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until the next connection is tried, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
