package hotline.gateway.outreach;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs work on several threads at once (and so, through the pool, on several connections and transactions), for
 * the steps of a run that PostgreSQL would otherwise do on one backend while the server's other cores idle.
 */
final class SideBySide {

    private SideBySide() {}

    /**
     * Runs {@code work} with each worker number from 0 to {@code workers - 1}, each on a thread of its own, and waits
     * for all of them, so that no worker still holds a connection when this returns. The first failure is thrown.
     */
    static void run(int workers, String name, IntConsumer work) {
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < workers; worker++) {
                int number = worker;
                running.add(pool.submit(() -> work.accept(number)));
            }
            RuntimeException failure = null;
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException runtime
                                ? runtime
                                : new IllegalStateException(name + " failed", e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
