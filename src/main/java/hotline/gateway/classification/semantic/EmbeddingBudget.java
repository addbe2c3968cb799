package hotline.gateway.classification.semantic;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Caps how many embeddings run at once, without ever making a caller wait: a call that finds every permit taken
 * gets {@link Optional#empty()} at once and keeps the dictionary's answer (marked budget-spent). Embedding is CPU
 * work of tens of milliseconds that already spreads over the cores (ONNX Runtime's threads); under a burst of
 * calls the semantic stage gives way rather than slow intake down. One permit per two to four cores: on two cores
 * two concurrent Chinese embeddings gave no more throughput than one. Thread-safe.
 */
public final class EmbeddingBudget {

    private final int permits;
    private final Semaphore semaphore;
    private final LongAdder spent = new LongAdder();

    /** A budget of {@code permits} concurrent runs (at least 1). */
    public EmbeddingBudget(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1: " + permits);
        }
        this.permits = permits;
        this.semaphore = new Semaphore(permits);
    }

    /**
     * Runs {@code work} on the calling thread when a permit is free, and returns its result; otherwise returns
     * empty at once without running it. The permit is given back when {@code work} returns or throws (what it
     * throws goes to the caller).
     *
     * @param work must not return null
     */
    public <T> Optional<T> tryRun(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (!semaphore.tryAcquire()) {
            spent.increment();
            return Optional.empty();
        }
        try {
            return Optional.of(Objects.requireNonNull(work.get(), "work returned null"));
        } finally {
            semaphore.release();
        }
    }

    /** The number of concurrent runs allowed. */
    public int permits() {
        return permits;
    }

    /** The permits free now. */
    public int available() {
        return semaphore.availablePermits();
    }

    /** How many calls found the budget spent, since this budget was made (for a metric). */
    public long spentCount() {
        return spent.sum();
    }
}
