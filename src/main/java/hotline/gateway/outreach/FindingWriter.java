package hotline.gateway.outreach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a run's findings while its candidates are still being assessed: the assessment (Java) and the inserts
 * (PostgreSQL) then use a core each instead of taking turns. A thread of its own marks the judged households, then
 * inserts the chunks as they come, in one transaction, and commits once the last has come: a run that fails or is
 * abandoned leaves no finding and no mark, as when everything was written at the end.
 */
final class FindingWriter {

    static final int CHUNK = 1000;

    private static final List<MatchingRepository.NewFinding> END = List.of();

    private final BlockingQueue<List<MatchingRepository.NewFinding>> chunks = new ArrayBlockingQueue<>(8);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread writer = new Thread(runnable, "outreach-findings");
        writer.setDaemon(true);
        return writer;
    });
    private final CompletableFuture<Integer> written;
    private List<MatchingRepository.NewFinding> pending = new ArrayList<>();
    private volatile boolean abandoned;

    /**
     * @param markJudged run first, in the same transaction: marks the households the run judges
     */
    FindingWriter(
            MatchingRepository repository,
            TransactionTemplate transaction,
            long runId,
            Instant foundAt,
            StepTimes steps,
            Runnable markJudged) {
        Supplier<Integer> write = () -> transaction.execute(status -> {
            // First, while the first candidates are still being assessed: the mark reads the register as the
            // candidates' query does when the run starts, and nothing it reads depends on the findings.
            steps.time("findings.mark-matched", markJudged);
            for (List<MatchingRepository.NewFinding> chunk = take(); chunk != END; chunk = take()) {
                List<MatchingRepository.NewFinding> findings = chunk;
                steps.time("findings.insert", () -> repository.insertFindings(findings, runId, foundAt));
            }
            if (abandoned) {
                status.setRollbackOnly();
                return 0;
            }
            return repository.countFindings(runId);
        });
        this.written = CompletableFuture.supplyAsync(write, thread);
    }

    /** Takes a finding; a full chunk goes to the writer (waiting while it is eight chunks behind). */
    void add(MatchingRepository.NewFinding finding) {
        pending.add(finding);
        if (pending.size() == CHUNK) {
            hand(pending);
            pending = new ArrayList<>();
        }
    }

    /** Hands over the rest, waits for the writer to commit, and returns the findings the run inserted. */
    int finish() {
        hand(pending);
        hand(END);
        return await();
    }

    /** Drops what was handed over: the writer rolls back. Called when the assessment failed. */
    void abandon() {
        abandoned = true;
        chunks.clear();
        try {
            hand(END);
            await();
        } catch (RuntimeException e) {
            // The assessment's failure is the one to report.
        }
    }

    private void hand(List<MatchingRepository.NewFinding> chunk) {
        if (chunk.isEmpty() && chunk != END) {
            return;
        }
        while (true) {
            if (written.isDone()) {
                await(); // the writer failed: its failure is thrown here
                throw new IllegalStateException("the findings' writer stopped before its last chunk");
            }
            try {
                if (chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing findings to their writer", e);
            }
        }
    }

    private List<MatchingRepository.NewFinding> take() {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the findings' writer was interrupted", e);
        }
    }

    private int await() {
        try {
            Integer count = written.join();
            return count == null ? 0 : count;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        } finally {
            thread.shutdown();
        }
    }
}
