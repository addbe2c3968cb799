package hotline.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariDataSource;
import hotline.gateway.assignment.AssignmentRepository;
import hotline.gateway.dispatch.Outbox;
import hotline.gateway.json.Json;
import hotline.gateway.sla.SlaSweep;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test: one SLA sweep over a database holding 1,000,000 open tickets of which 1,000 are due.
 * Prints the load time, the sweep's time and the plan of the query that takes the due rows.
 *
 * <p>Run: {@code bench/sla-sweep.sh} (or mvn -o -q test-compile exec:java with this main class and test scope).
 */
public final class SlaSweepBenchmark {

    private static final int OPEN = Integer.getInteger("open", 1_000_000);
    private static final int DUE = Integer.getInteger("due", 1_000);
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    public static void main(String[] args) throws Exception {
        Path data = Path.of("target", "bench", "sla-sweep-pg").toAbsolutePath();
        try (EmbeddedPostgres postgres = BenchDatabase.server(data, Map.of()).start();
                // As the gateway's pool (application.yml): prepared statements, multi-row batched inserts.
                HikariDataSource dataSource = BenchDatabase.migratedPool(
                        postgres,
                        "&reWriteBatchedInserts=" + Boolean.parseBoolean(System.getProperty("rewrite", "true")))) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);

            long loadStart = System.nanoTime();
            load(jdbc);
            System.out.printf(
                    "loaded %,d open tickets (%,d due) in %.1f s%n", OPEN, DUE, (System.nanoTime() - loadStart) / 1e9);

            ObjectMapper json = JsonMapper.builder()
                    .findAndAddModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .build();
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            SlaSweep sweeper = new SlaSweep(
                    jdbc,
                    transaction,
                    new AssignmentRepository(jdbc),
                    new Outbox(jdbc),
                    new Json(json),
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    500);

            System.out.println(String.join(
                    "\n",
                    jdbc.queryForList(
                            "EXPLAIN (ANALYZE, BUFFERS) "
                                    + "SELECT a.id FROM ticket_assignment a JOIN ticket t ON t.id = a.ticket_id "
                                    + "WHERE a.next_check_at <= '" + NOW
                                    + "'::timestamptz ORDER BY a.next_check_at LIMIT 500 "
                                    + "FOR UPDATE OF a, t SKIP LOCKED",
                            String.class)));
            long sweepStart = System.nanoTime();
            int recorded = sweeper.sweepDue();
            double seconds = (System.nanoTime() - sweepStart) / 1e9;
            System.out.printf(
                    "sweep: %,d breaches recorded in %.3f s (%.2f ms per due ticket)%n",
                    recorded, seconds, seconds * 1000 / Math.max(1, recorded));
            long emptyStart = System.nanoTime();
            int again = sweeper.sweepDue();
            System.out.printf(
                    "second sweep, nothing due: %d recorded in %.1f ms%n",
                    again, (System.nanoTime() - emptyStart) / 1e6);
            System.out.printf(
                    "escalation messages in the outbox: %,d%n",
                    jdbc.queryForObject(
                            "SELECT count(*) FROM outbox WHERE destination LIKE 'escalations.%'", Integer.class));
        }
    }

    /** Set-based: requests, tickets and their first assignments; the last DUE ones past their sign-for deadline. */
    private static void load(JdbcTemplate jdbc) {
        jdbc.update("""
                INSERT INTO service_request (source, external_id, body_hash, received_at, channel, content, created_at)
                SELECT 'HOTLINE', 'BENCH-' || g, '\\x00'::bytea, ?::timestamptz - interval '1 day', 'PHONE',
                       '来电人反映父亲独居，希望上门探访。', ?::timestamptz - interval '1 day'
                FROM generate_series(1, ?) g
                """, NOW.toString(), NOW.toString(), OPEN);
        jdbc.update("""
                INSERT INTO ticket (ticket_no, request_id, status, priority, primary_need, needs, urgency,
                                    assigned_level, assigned_code, assigned_name, assigned_rule, queue,
                                    assigned_district, created_at, updated_at)
                SELECT '20260301-' || lpad(r.id::text, 7, '0'), r.id, 'DISPATCHED', 'NORMAL', 'ELDERLY_CARE',
                       '{"primary":"ELDERLY_CARE","all":["ELDERLY_CARE"],"confidence":1.0,"evidence":[]}'::jsonb,
                       '{"urgent":false}'::jsonb, 'TOWN', '310104003', '天平路街道', 'TOWN_CODE',
                       'tickets.310104003', '310104', r.created_at, r.created_at
                FROM service_request r
                """);
        // Open tickets whose next check lies days ahead; the last DUE ones are past their sign-for deadline.
        jdbc.update("""
                INSERT INTO ticket_assignment (ticket_id, seq, level, code, name, district_code, priority,
                                               primary_need, cause, received_at, started_at, sign_warn_at,
                                               sign_due_at,
                                               contact_warn_at, contact_due_at, resolve_warn_at, resolve_due_at,
                                               sign_warned_at, next_check_at)
                SELECT t.id, 1, 'TOWN', '310104003', '天平路街道', '310104', 'NORMAL', 'ELDERLY_CARE', 'INTAKE',
                       t.created_at, t.created_at,
                       due.sign - interval '48 minutes', due.sign,
                       due.sign + interval '1 day', due.sign + interval '2 days',
                       due.sign + interval '5 days', due.sign + interval '6 days',
                       CASE WHEN due.overdue THEN due.sign - interval '48 minutes' END,
                       CASE WHEN due.overdue THEN due.sign ELSE due.sign - interval '48 minutes' END
                FROM ticket t,
                     LATERAL (SELECT t.id > ? - ? AS overdue) o,
                     LATERAL (SELECT o.overdue,
                                     CASE WHEN o.overdue THEN ?::timestamptz - interval '1 hour'
                                          ELSE ?::timestamptz + (t.id % 20 + 1) * interval '1 day' END AS sign) due
                """, OPEN, DUE, NOW.toString(), NOW.toString());
        jdbc.execute("VACUUM ANALYZE");
    }
}
