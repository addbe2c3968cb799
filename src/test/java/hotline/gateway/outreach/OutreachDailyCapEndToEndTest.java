package hotline.gateway.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.config.GatewayProperties;
import hotline.gateway.config.OutreachConfiguration;
import hotline.gateway.criteria.Assessor;
import hotline.gateway.criteria.Criteria;
import hotline.gateway.intake.IntakeRepository;
import hotline.gateway.support.GatewayIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-office daily cap against the real PostgreSQL and Artemis: with one visit a day per office, a first run opens
 * each office's highest-risk finding (among equal risks, the first by finding id) and keeps the rest for the next
 * days; the dry run before it lists exactly the findings the run then opens; a second run the same day opens nothing.
 * The job is the gateway's own, built from the context's beans with a cap of one (the integration tests share one
 * context, whose cap is the default).
 */
class OutreachDailyCapEndToEndTest extends GatewayIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Register register;

    @Autowired
    MatchingRepository repository;

    @Autowired
    LabelFiles labels;

    @Autowired
    Criteria criteria;

    @Autowired
    Assessor assessor;

    @Autowired
    VisitTickets visitTickets;

    @Autowired
    IntakeRepository tickets;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    @Autowired
    GatewayProperties gateway;

    @Autowired
    OutreachConfiguration.OutreachProperties outreach;

    private MatchingJob jobWithCapOfOne() {
        return job(1, outreach.ticketConnections());
    }

    private MatchingJob job(int dailyCap, int ticketConnections) {
        return new MatchingJob(
                register,
                repository,
                labels,
                criteria,
                assessor,
                visitTickets,
                tickets,
                transaction,
                new MatchingSettings(outreach.programs(), dailyCap, outreach.visitedWithin(), ticketConnections),
                json,
                clock,
                gateway.timeZone(),
                new SimpleMeterRegistry());
    }

    @Test
    void aFirstRunOpensEachOfficesHighestRiskFindingAndKeepsTheRestForTheNextDays() {
        EmptyRegister.reset(jdbc);
        // Two sets of the small feeds' households, so that each town has findings of equal risk; residents and
        // households of its own, as OutreachEndToEndTest loads the same feeds into the shared database.
        OutreachEndToEndTest.loadFeeds(
                gateway(), new OutreachEndToEndTest.Residents(500), new OutreachEndToEndTest.Residents(600));
        MatchingJob job = jobWithCapOfOne();

        MatchProgress dryRun = job.run(true, "test");
        assertThat(dryRun.findings()).isEqualTo(6);
        assertThat(dryRun.wouldOpenPerOffice()).isEqualTo(Map.of("310104010", 1, "310107022", 1));
        List<Object> wouldOpen =
                dryRun.wouldOpen().stream().map(item -> item.get("findingId")).toList();

        MatchProgress run = job.run(false, "test");
        assertThat(run.findings()).isEqualTo(6);
        assertThat(run.ticketsOpened()).isEqualTo(2);

        // 长桥街道 has four findings, two of each risk: the one that comes first by risk, then finding id, is opened;
        // the others wait.
        List<Map<String, Object>> changqiao = jdbc.queryForList("""
                SELECT finding_id, risk, status, ticket_no FROM outreach_finding WHERE town_code = '310104010'
                ORDER BY risk DESC, finding_id COLLATE "C"
                """);
        assertThat(changqiao).hasSize(4);
        assertThat(changqiao.get(0).get("risk")).isEqualTo(changqiao.get(1).get("risk"));
        assertThat(changqiao.get(0)).containsEntry("status", "OPENED");
        assertThat(changqiao.get(0).get("ticket_no")).isNotNull();
        assertThat(changqiao.subList(1, 4)).allSatisfy(finding -> {
            assertThat(finding).containsEntry("status", "DEFERRED");
            assertThat(finding.get("ticket_no")).isNull();
        });
        List<Object> opened =
                jdbc.queryForList("SELECT finding_id FROM outreach_finding WHERE status = 'OPENED'", Object.class);
        assertThat(opened).containsExactlyInAnyOrderElementsOf(wouldOpen);

        // The same day again: each office has had its one visit; nothing more is opened, the finding still waits.
        MatchProgress again = job.run(false, "test");
        assertThat(again.ticketsOpened()).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outreach_finding WHERE status = 'DEFERRED'", Integer.class))
                .isEqualTo(4);
    }

    @Test
    void ticketsWrittenOnSeveralConnectionsAreNumberedInTheOrderTheCapTakesTheirFindings() {
        EmptyRegister.reset(jdbc);
        OutreachEndToEndTest.loadFeeds(
                gateway(), new OutreachEndToEndTest.Residents(700), new OutreachEndToEndTest.Residents(800));
        // No cap, three connections, one ticket per transaction: the six findings' tickets are written by several
        // connections at once, in whatever order they get to them.
        MatchingJob job = job(-1, 3);
        job.ticketChunk(1);

        MatchProgress run = job.run(false, "test");
        assertThat(run.findings()).isEqualTo(6);
        assertThat(run.ticketsOpened()).isEqualTo(6);
        assertThat(run.deferred()).isZero();

        // Every finding opened once, naming the ticket its request made, with that ticket's dispatch message; the
        // numbers follow the order in which a cap would take the findings (by office, risk, finding id).
        List<Map<String, Object>> findings = jdbc.queryForList("""
                SELECT f.status, f.ticket_no, t.ticket_no AS made,
                       (SELECT count(*) FROM outbox o WHERE o.ticket_id = t.id) AS messages
                FROM outreach_finding f
                JOIN service_request r ON r.source = 'DATA_MATCH' AND r.external_id = f.finding_id
                JOIN ticket t ON t.request_id = r.id
                ORDER BY f.town_code, f.risk DESC, f.finding_id COLLATE "C"
                """);
        assertThat(findings).hasSize(6).allSatisfy(finding -> {
            assertThat(finding).containsEntry("status", "OPENED").containsEntry("messages", 1L);
            assertThat(finding.get("ticket_no")).isEqualTo(finding.get("made"));
        });
        List<String> numbers = findings.stream()
                .map(finding -> (String) finding.get("ticket_no"))
                .toList();
        assertThat(numbers).isSorted().doesNotHaveDuplicates();

        assertThat(job.run(false, "test").ticketsOpened()).isZero();
    }
}
