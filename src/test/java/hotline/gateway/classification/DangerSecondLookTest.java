package hotline.gateway.classification;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.classification.semantic.DangerDescription;
import hotline.gateway.classification.semantic.DangerModel;
import hotline.gateway.classification.semantic.DangerScore;
import hotline.gateway.classification.semantic.Embedders;
import hotline.gateway.classification.semantic.EmbeddingBudget;
import hotline.gateway.classification.semantic.LabelledText;
import hotline.gateway.classification.semantic.NeedModel;
import hotline.gateway.classification.semantic.SemanticClassifier;
import hotline.gateway.classification.semantic.TextEmbedder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The second look's decisions, with fixed vectors instead of a model and the queue in memory. */
class DangerSecondLookTest {

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    /** Two axes: a need, danger. A text not listed here cannot be embedded (the look must not try). */
    private static final Map<String, float[]> VECTORS = Map.of(
            "ex-medical", new float[] {1, 0},
            "ex-housing", new float[] {-1, 0},
            "danger-no-food", new float[] {0, 1},
            "nothing to eat since yesterday, he lives alone", new float[] {0.1f, 0.99f},
            "asks about the medical assistance rules", new float[] {0.99f, 0.1f});

    private static final TextEmbedder FIXED = new TextEmbedder() {
        @Override
        public float[] embed(String text) {
            float[] vector = VECTORS.get(text);
            if (vector == null) {
                throw new AssertionError("embedded a text the look should have left alone: " + text);
            }
            return vector.clone();
        }

        @Override
        public String modelId() {
            return "fixed";
        }
    };

    private static final Embedders EMBEDDERS = Embedders.of(FIXED, FIXED);

    private static SemanticStage stage() {
        NeedModel model = NeedModel.build(
                EMBEDDERS,
                List.of(
                        LabelledText.of("ex-medical", "ex-medical", NeedCode.MEDICAL, "description"),
                        LabelledText.of("ex-housing", "ex-housing", NeedCode.HOUSING, "description")),
                1,
                1.0);
        DangerModel danger = DangerModel.build(
                EMBEDDERS, List.of(new DangerDescription("danger-no-food", "no_food", "danger-no-food")), 0.9);
        return new SemanticStage(new SemanticClassifier(EMBEDDERS, model, 0.5, 0.2), danger);
    }

    /** The queue in memory: what pending() answers, what was claimed, and the hints written. */
    private static final class Queue extends DangerLookRepository {

        final List<Pending> waiting = new ArrayList<>();
        final Set<Long> claimed = new HashSet<>();
        final Set<Long> takenElsewhere = new HashSet<>();
        final Map<Long, DangerScore> hints = new LinkedHashMap<>();
        Instant since;
        Instant backlogSince;

        Queue() {
            super(null);
        }

        @Override
        public List<Pending> pending(Instant since, int limit) {
            this.since = since;
            return waiting.stream()
                    .filter(p -> !claimed.contains(p.ticketId()))
                    .limit(limit)
                    .toList();
        }

        @Override
        public long backlog(Instant since) {
            this.backlogSince = since;
            return waiting.stream().filter(p -> !claimed.contains(p.ticketId())).count();
        }

        @Override
        public boolean claim(long ticketId, Instant at) {
            return !takenElsewhere.contains(ticketId) && claimed.add(ticketId);
        }

        /** Where the look's hints go. */
        void give(Pending ticket, DangerScore hint, Instant at) {
            hints.put(ticket.ticketId(), hint);
        }
    }

    private static DangerSecondLook look(Queue queue, Optional<SemanticStage> stage, EmbeddingBudget budget) {
        return new DangerSecondLook(
                queue, queue::give, () -> stage, budget, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24), 50);
    }

    @Test
    void aTextCloseToADangerDescriptionGetsAHintAndAnotherIsOnlyMarked() {
        Queue queue = new Queue();
        queue.waiting.add(new DangerLookRepository.Pending(
                1, "T-1", 1, "DISPATCHED", "NOT_NEEDED", "nothing to eat since yesterday, he lives alone"));
        queue.waiting.add(new DangerLookRepository.Pending(
                2, "T-2", 1, "SIGNED", "NOT_NEEDED", "asks about the medical assistance rules"));
        DangerSecondLook look = look(queue, Optional.of(stage()), new EmbeddingBudget(1));

        assertThat(look.lookAtPending()).isEqualTo(2);

        assertThat(queue.since).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(queue.claimed).containsExactlyInAnyOrder(1L, 2L);
        assertThat(queue.hints).containsOnlyKeys(1L);
        assertThat(queue.hints.get(1L).category()).isEqualTo("no_food");
        assertThat(queue.hints.get(1L).nearestDescriptionId()).isEqualTo("danger-no-food");
        assertThat(look.lookedCount()).isEqualTo(2);
        assertThat(look.hintCount()).isEqualTo(1);
        assertThat(look.lookAtPending()).isZero();
    }

    @Test
    void ticketsReadAtIntakeFinishedOrWithoutTextAreMarkedWithoutEmbedding() {
        Queue queue = new Queue();
        queue.waiting.add(new DangerLookRepository.Pending(1, "T-1", 1, "DISPATCHED", "DECIDED", "read at intake"));
        queue.waiting.add(
                new DangerLookRepository.Pending(2, "T-2", 1, "DISPATCHED", "UNDECIDED", "read at intake too"));
        queue.waiting.add(new DangerLookRepository.Pending(3, "T-3", 1, "RESOLVED", "NOT_NEEDED", "resolved already"));
        queue.waiting.add(new DangerLookRepository.Pending(4, "T-4", 1, "CLOSED", "BUDGET_SPENT", "closed already"));
        queue.waiting.add(new DangerLookRepository.Pending(5, "T-5", 1, "CREATED", "NOT_NEEDED", " "));
        queue.waiting.add(new DangerLookRepository.Pending(
                6, "T-6", 1, "DISPATCHED", "KEPT", "read at intake, the dictionary's need kept"));

        assertThat(look(queue, Optional.of(stage()), new EmbeddingBudget(1)).lookAtPending())
                .isZero();

        assertThat(queue.claimed).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(queue.hints).isEmpty();
    }

    @Test
    void aCallThatFoundTheBudgetSpentAtIntakeIsLookedAtNow() {
        Queue queue = new Queue();
        queue.waiting.add(new DangerLookRepository.Pending(
                7, "T-7", 1, "DISPATCHED", "BUDGET_SPENT", "nothing to eat since yesterday, he lives alone"));

        assertThat(look(queue, Optional.of(stage()), new EmbeddingBudget(1)).lookAtPending())
                .isEqualTo(1);
        assertThat(queue.hints).containsOnlyKeys(7L);
    }

    @Test
    void whenEveryPermitIsTakenThePassStopsAndClaimsNothing() throws Exception {
        Queue queue = new Queue();
        queue.waiting.add(new DangerLookRepository.Pending(
                1, "T-1", 1, "DISPATCHED", "NOT_NEEDED", "nothing to eat since yesterday, he lives alone"));
        EmbeddingBudget budget = new EmbeddingBudget(1);
        PermitsTaken.whileEveryPermitIsTaken(budget, () -> {
            assertThat(look(queue, Optional.of(stage()), budget).lookAtPending())
                    .isZero();
            assertThat(queue.claimed).isEmpty();
        });
        assertThat(look(queue, Optional.of(stage()), budget).lookAtPending()).isEqualTo(1);
    }

    @Test
    void aTicketAnotherInstanceTookIsNotEmbeddedHere() {
        Queue queue = new Queue();
        queue.waiting.add(new DangerLookRepository.Pending(
                1, "T-1", 1, "DISPATCHED", "NOT_NEEDED", "nothing to eat since yesterday, he lives alone"));
        queue.takenElsewhere.add(1L);

        assertThat(look(queue, Optional.of(stage()), new EmbeddingBudget(1)).lookAtPending())
                .isZero();
        assertThat(queue.hints).isEmpty();
    }

    @Test
    void withoutASemanticStageNothingIsLookedAtOrMarked() {
        Queue queue = new Queue();
        queue.waiting.add(new DangerLookRepository.Pending(
                1, "T-1", 1, "DISPATCHED", "NOT_NEEDED", "nothing to eat since yesterday, he lives alone"));

        assertThat(look(queue, Optional.empty(), new EmbeddingBudget(1)).lookAtPending())
                .isZero();
        assertThat(queue.claimed).isEmpty();
        assertThat(queue.since).isNull();
    }

    @Test
    void theBacklogCountsWhatWaitsWithinTheWindowAndNothingWithoutAStage() {
        Queue queue = new Queue();
        queue.waiting.add(new DangerLookRepository.Pending(
                1, "T-1", 1, "DISPATCHED", "NOT_NEEDED", "nothing to eat since yesterday, he lives alone"));
        queue.waiting.add(new DangerLookRepository.Pending(
                2, "T-2", 1, "SIGNED", "NOT_NEEDED", "asks about the medical assistance rules"));

        assertThat(look(queue, Optional.empty(), new EmbeddingBudget(1)).backlog())
                .isZero();
        assertThat(queue.backlogSince).isNull();

        DangerSecondLook look = look(queue, Optional.of(stage()), new EmbeddingBudget(1));
        assertThat(look.backlog()).isEqualTo(2);
        assertThat(queue.backlogSince).isEqualTo(NOW.minus(Duration.ofHours(24)));
        look.lookAtPending();
        assertThat(look.backlog()).isZero();
    }
}
