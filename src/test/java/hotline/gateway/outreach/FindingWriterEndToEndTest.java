package hotline.gateway.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.gateway.support.GatewayIntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A run's findings are written on a thread of their own while the candidates are assessed, against the real
 * PostgreSQL: what is handed over is committed with the judged households' mark once the last chunk has come, and
 * nothing at all when the assessment fails (the writer abandoned) or the mark fails.
 */
class FindingWriterEndToEndTest extends GatewayIntegrationTest {

    private static final Instant FOUND_AT = Instant.parse("2026-11-30T02:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MatchingRepository repository;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void findingsAreCommittedWithTheMarkOrNotAtAll() {
        EmptyRegister.reset(jdbc);

        FindingWriter abandoned = writer(1001, mark("abandoned"));
        addFindings(abandoned, "abandoned", 2_500);
        abandoned.abandon();
        assertThat(findingsOfRun(1001)).isZero();
        assertThat(marked("abandoned"))
                .as("an abandoned run's mark is rolled back")
                .isZero();

        FindingWriter failing = writer(1002, () -> {
            throw new IllegalStateException("the mark failed");
        });
        // The mark comes first: its failure stops the writer, and whoever hands it findings next hears of it.
        assertThatThrownBy(() -> {
                    addFindings(failing, "failing", 2_500);
                    failing.finish();
                })
                .hasMessage("the mark failed");
        assertThat(findingsOfRun(1002)).as("rolled back with the mark").isZero();

        FindingWriter insertFails = writer(1003, mark("insert-fails"));
        addFindings(insertFails, "insert-fails", 1_500);
        insertFails.add(new MatchingRepository.NewFinding(
                "insert-fails-unreadable",
                "insert-fails-household",
                "facts",
                3,
                "310104010",
                List.of(),
                "[]",
                "[]",
                "{not json")); // the insert fails
        assertThatThrownBy(insertFails::finish).hasMessageContaining("json");
        assertThat(findingsOfRun(1003)).isZero();
        assertThat(marked("insert-fails"))
                .as("the mark is rolled back with the findings")
                .isZero();

        FindingWriter finished = writer(1004, mark("finished"));
        addFindings(finished, "finished", 2_500);
        assertThat(finished.finish()).isEqualTo(2_500);
        assertThat(findingsOfRun(1004)).isEqualTo(2_500);
        assertThat(marked("finished")).isEqualTo(1);
    }

    /** A mark of one household, written in the writer's transaction as the run's mark is. */
    private Runnable mark(String household) {
        return () ->
                jdbc.update("INSERT INTO outreach_household_matched (key, facts_hash) VALUES (?, 'facts')", household);
    }

    private int marked(String household) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM outreach_household_matched WHERE key = ?", Integer.class, household);
        return count == null ? 0 : count;
    }

    private FindingWriter writer(long runId, Runnable markJudged) {
        return new FindingWriter(repository, transaction, runId, FOUND_AT, new StepTimes(), markJudged);
    }

    private static void addFindings(FindingWriter writer, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            writer.add(new MatchingRepository.NewFinding(
                    prefix + "-" + i,
                    prefix + "-household-" + i,
                    "facts-" + i,
                    3,
                    "310104010",
                    List.of("ELDERLY_80_ALONE"),
                    "[]",
                    "[]",
                    "{}"));
        }
    }

    private int findingsOfRun(long runId) {
        return repository.countFindings(runId);
    }
}
