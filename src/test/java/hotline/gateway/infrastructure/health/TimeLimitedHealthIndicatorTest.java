package hotline.gateway.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class TimeLimitedHealthIndicatorTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aCheckThatHangsIsDownWithinTheLimitAndIsNotStartedTwice() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        TimeLimitedHealthIndicator limited = new TimeLimitedHealthIndicator(
                () -> {
                    started.incrementAndGet();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Health.up().build();
                },
                Duration.ofMillis(200),
                executor);

        long began = System.nanoTime();
        Health first = limited.health();
        Health second = limited.health();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        assertThat(first.getStatus()).isEqualTo(Status.DOWN);
        assertThat(first.getDetails()).containsEntry("error", "no answer within 200 ms");
        assertThat(second.getStatus()).isEqualTo(Status.DOWN);
        assertThat(started.get())
                .as("the hanging check is waited on, not started again")
                .isEqualTo(1);
        assertThat(tookMillis).as("two calls of 200 ms each").isLessThan(5_000);

        release.countDown();
        Thread.sleep(100);
        assertThat(limited.health().getStatus()).isEqualTo(Status.UP);
        assertThat(started.get()).isEqualTo(2);
    }

    @Test
    void aFailingCheckIsDownWithItsError() {
        TimeLimitedHealthIndicator limited = new TimeLimitedHealthIndicator(
                () -> {
                    throw new IllegalStateException("broker refused the connection");
                },
                Duration.ofSeconds(1),
                executor);
        Health health = limited.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).contains("broker refused the connection");
    }
}
