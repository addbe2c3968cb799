package hotline.gateway.classification.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddingBudgetTest {

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    @Test
    void aFreePermitRunsTheWorkOnTheCallersThread() {
        EmbeddingBudget budget = new EmbeddingBudget(1);
        Thread caller = Thread.currentThread();
        assertThat(budget.tryRun(() -> Thread.currentThread() == caller)).contains(true);
        assertThat(budget.available()).isEqualTo(1);
        assertThat(budget.spentCount()).isZero();
    }

    @Test
    void aSpentBudgetAnswersEmptyAtOnceWithoutRunningTheWork() throws Exception {
        EmbeddingBudget budget = new EmbeddingBudget(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<String>> busy = CompletableFuture.supplyAsync(
                () -> budget.tryRun(() -> {
                    holding.countDown();
                    await(release);
                    return "first";
                }),
                other);
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicBoolean ran = new AtomicBoolean();
        // The permit stays taken until release: a caller that waited would never return within the timeout.
        Optional<String> second = assertTimeoutPreemptively(
                Duration.ofSeconds(1),
                () -> budget.tryRun(() -> {
                    ran.set(true);
                    return "second";
                }));
        assertThat(second).isEmpty();
        assertThat(ran).isFalse();
        assertThat(budget.spentCount()).isEqualTo(1);
        assertThat(budget.available()).isZero();

        release.countDown();
        assertThat(busy.get(10, TimeUnit.SECONDS)).contains("first");
        assertThat(budget.tryRun(() -> "third")).contains("third");
    }

    @Test
    void thePermitComesBackWhenTheWorkThrows() {
        EmbeddingBudget budget = new EmbeddingBudget(2);
        assertThatThrownBy(() -> budget.tryRun(() -> {
                    throw new IllegalStateException("model failed");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("model failed");
        assertThat(budget.available()).isEqualTo(2);
        assertThatThrownBy(() -> budget.tryRun(() -> null)).isInstanceOf(NullPointerException.class);
        assertThat(budget.available()).isEqualTo(2);
    }

    @Test
    void aBudgetHasAtLeastOnePermit() {
        assertThatThrownBy(() -> new EmbeddingBudget(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new EmbeddingBudget(3).permits()).isEqualTo(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
