package hotline.gateway.classification;

import hotline.gateway.classification.semantic.DangerScore;
import hotline.gateway.classification.semantic.EmbeddingBudget;
import hotline.gateway.classification.semantic.TextVector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The semantic stage's second pair of eyes on the calls it did not read at intake. At intake the stage embeds only
 * what the dictionary is unsure of, so that sure calls are not slowed down; this look, off the request path and
 * within the same embedding budget (it never waits for a permit), embeds the other recent normal-priority tickets
 * and gives a danger hint to those that come close to a danger description. The hint is for a person to look at
 * (in the ticket's view and the office's listing, and announced by a DANGER_HINT message on the queue holding the
 * ticket); like the one given at intake, it never changes the priority.
 * Tickets the stage read at intake, and those already resolved or closed, are only marked as looked at.
 */
public final class DangerSecondLook {

    private static final Set<String> READ_AT_INTAKE = Arrays.stream(SemanticOutcome.values())
            .filter(SemanticOutcome::readTheCall)
            .map(SemanticOutcome::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> FINISHED = Set.of("RESOLVED", "CLOSED");

    private final DangerLookRepository repository;
    private final DangerHints hints;
    private final Supplier<Optional<SemanticStage>> semantic;
    private final EmbeddingBudget budget;
    private final Clock clock;
    private final Duration window;
    private final int batchSize;
    private final LongAdder hinted = new LongAdder();
    private final LongAdder looked = new LongAdder();

    /**
     * @param hints     where a hint goes (the ticket and the queue holding it)
     * @param semantic  the stage in use now (empty while it is off, loading or cannot run here: nothing is looked at)
     * @param window    only tickets made this recently are looked at
     * @param batchSize the most tickets one pass takes
     */
    public DangerSecondLook(
            DangerLookRepository repository,
            DangerHints hints,
            Supplier<Optional<SemanticStage>> semantic,
            EmbeddingBudget budget,
            Clock clock,
            Duration window,
            int batchSize) {
        this.repository = repository;
        this.hints = hints;
        this.semantic = semantic;
        this.budget = budget;
        this.clock = clock;
        this.window = window;
        this.batchSize = batchSize;
    }

    /**
     * One pass over the oldest waiting tickets; stops at the first one that finds every embedding permit taken (the
     * next pass goes on from there).
     *
     * @return how many tickets this pass embedded
     */
    public int lookAtPending() {
        Optional<SemanticStage> stage = semantic.get();
        if (stage.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        int embedded = 0;
        for (DangerLookRepository.Pending ticket : repository.pending(now.minus(window), batchSize)) {
            if (READ_AT_INTAKE.contains(ticket.semanticOutcome())
                    || FINISHED.contains(ticket.status())
                    || ticket.content() == null
                    || ticket.content().isBlank()) {
                repository.claim(ticket.ticketId(), now);
                continue;
            }
            Optional<Boolean> took = budget.tryRun(() -> look(stage.get(), ticket, now));
            if (took.isEmpty()) {
                break;
            }
            if (took.get()) {
                embedded++;
            }
        }
        return embedded;
    }

    private boolean look(SemanticStage stage, DangerLookRepository.Pending ticket, Instant now) {
        if (!repository.claim(ticket.ticketId(), now)) {
            return false;
        }
        TextVector vector = stage.needs().embedders().embed(ticket.content());
        Optional<DangerScore> hint = stage.danger().hint(vector);
        looked.increment();
        hint.ifPresent(score -> {
            hints.give(ticket, score, now);
            hinted.increment();
        });
        return true;
    }

    /**
     * The tickets within the window that wait for the look (for a metric): while it grows the look falls behind, and
     * a ticket that leaves the window unseen is never looked at. None while no semantic stage runs.
     */
    public long backlog() {
        return semantic.get().isEmpty() ? 0 : repository.backlog(clock.instant().minus(window));
    }

    /** Tickets embedded by the look since start (for a metric). */
    public long lookedCount() {
        return looked.sum();
    }

    /** Danger hints the look gave since start (for a metric). */
    public long hintCount() {
        return hinted.sum();
    }
}
