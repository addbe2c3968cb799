package hotline.gateway.infrastructure.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * A health check that answers within its time limit whatever the thing it checks does: a check still running when the
 * limit has passed is reported DOWN ("no answer within ..."), and keeps running in the background; the next call waits
 * for that same check instead of starting another, so that a hanging database or broker never piles up checks.
 */
public final class TimeLimitedHealthIndicator implements HealthIndicator {

    private final HealthIndicator check;
    private final Duration limit;
    private final Executor executor;
    private CompletableFuture<Health> running;

    public TimeLimitedHealthIndicator(HealthIndicator check, Duration limit, Executor executor) {
        this.check = check;
        this.limit = limit;
        this.executor = executor;
    }

    @Override
    public Health health() {
        CompletableFuture<Health> current = current();
        try {
            return current.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Health.down()
                    .withDetail("error", "no answer within " + limit.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause() instanceof Exception cause ? cause : e)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    /** The check under way, or a new one when none is. */
    private synchronized CompletableFuture<Health> current() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(check::health, executor);
        }
        return running;
    }

    /** The check this one limits. */
    public HealthIndicator check() {
        return check;
    }
}
