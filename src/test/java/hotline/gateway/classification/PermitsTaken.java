package hotline.gateway.classification;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.classification.semantic.EmbeddingBudget;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** For tests of what happens when every embedding permit is taken. */
final class PermitsTaken {

    private PermitsTaken() {}

    /** Runs {@code body} while another thread holds every permit of {@code budget} (a budget of one). */
    static void whileEveryPermitIsTaken(EmbeddingBudget budget, Runnable body) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> budget.tryRun(() -> {
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "held";
        }));
        other.start();
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            body.run();
        } finally {
            release.countDown();
            other.join();
        }
    }
}
