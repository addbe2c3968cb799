package hotline.gateway.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.gateway.support.GatewayIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
        AtomicInteger marks = new AtomicInteger();

        FindingWriter abandoned = writer(1001, marks::incrementAndGet);
        addFindings(abandoned, "abandoned", 2_500);
        abandoned.abandon();
        assertThat(findingsOfRun(1001)).isZero();
        assertThat(marks).as("an abandoned run marks nothing").hasValue(0);

        FindingWriter failing = writer(1002, () -> {
            throw new IllegalStateException("the mark failed");
        });
        addFindings(failing, "failing", 2_500);
        assertThatThrownBy(failing::finish).hasMessage("the mark failed");
        assertThat(findingsOfRun(1002)).as("rolled back with the mark").isZero();

        FindingWriter finished = writer(1003, marks::incrementAndGet);
        addFindings(finished, "finished", 2_500);
        assertThat(finished.finish()).isEqualTo(2_500);
        assertThat(findingsOfRun(1003)).isEqualTo(2_500);
        assertThat(marks).hasValue(1);
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
