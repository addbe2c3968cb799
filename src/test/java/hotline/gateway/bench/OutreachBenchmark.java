package hotline.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariDataSource;
import hotline.gateway.assignment.AssignmentRepository;
import hotline.gateway.criteria.Assessor;
import hotline.gateway.criteria.Criteria;
import hotline.gateway.criteria.CriteriaFiles;
import hotline.gateway.criteria.Program;
import hotline.gateway.intake.BatchFile;
import hotline.gateway.intake.IntakeRepository;
import hotline.gateway.json.Json;
import hotline.gateway.jurisdiction.JurisdictionDirectory;
import hotline.gateway.outreach.Feed;
import hotline.gateway.outreach.FeedLoadResult;
import hotline.gateway.outreach.FeedLoader;
import hotline.gateway.outreach.FeedRepository;
import hotline.gateway.outreach.FeedSource;
import hotline.gateway.outreach.LabelFiles;
import hotline.gateway.outreach.MatchProgress;
import hotline.gateway.outreach.MatchingJob;
import hotline.gateway.outreach.MatchingRepository;
import hotline.gateway.outreach.MatchingSettings;
import hotline.gateway.outreach.Pseudonyms;
import hotline.gateway.outreach.Register;
import hotline.gateway.outreach.RegisterRepository;
import hotline.gateway.outreach.VisitTickets;
import hotline.gateway.sla.CalendarFiles;
import hotline.gateway.sla.Deadlines;
import hotline.gateway.sla.Extensions;
import hotline.gateway.sla.SlaDeadlines;
import hotline.gateway.sla.SlaMeter;
import hotline.gateway.sla.SlaPolicy;
import hotline.gateway.sla.SlaPolicyFile;
import hotline.gateway.sla.SlaSpan;
import hotline.gateway.sla.WorkingCalendar;
import hotline.gateway.sla.WorkingTime;
import hotline.gateway.ticket.TicketNumbers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test: generates synthetic feeds (1,000,000 persons in 400,000 households by default), loads the
 * six of them into an embedded PostgreSQL, runs matching (register build, candidates, the assessor, findings, visit
 * tickets with their outbox rows, no daily cap), then runs it again with nothing changed. Prints each step's time.
 *
 * <p>Run: {@code bench/outreach.sh} (PERSONS=... HOUSEHOLDS=... CAP=...; EXPLAIN=true logs the plans of statements
 * over 1 s with EXPLAIN (ANALYZE, BUFFERS) under target/bench/outreach-plans).
 */
public final class OutreachBenchmark {

    private static final int PERSONS = Integer.getInteger("persons", 1_000_000);
    private static final int HOUSEHOLDS = Integer.getInteger("households", 400_000);
    private static final int CAP = Integer.getInteger("cap", -1);

    private static final boolean EXPLAIN = Boolean.getBoolean("explain");
    private static final Path EXPLAIN_LOGS =
            Path.of("target", "bench", "outreach-plans").toAbsolutePath();
    private static final LocalDate SNAPSHOT = LocalDate.parse("2026-11-30");
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws Exception {
        Path feeds = Path.of("target", "bench", "outreach-feeds").toAbsolutePath();
        long start = System.nanoTime();
        OutreachFeedGenerator.generate(feeds, PERSONS, HOUSEHOLDS, SNAPSHOT);
        System.out.printf(
                "generated feeds of %,d persons in %,d households in %.1f s%n", PERSONS, HOUSEHOLDS, secs(start));
        Path data = Path.of("target", "bench", "outreach-pg").toAbsolutePath();
        EmbeddedPostgres.Builder server = BenchDatabase.server(data, BenchDatabase.BULK_MEMORY);
        if (EXPLAIN) {
            // Plans of the slow statements, with their buffers, in the server's log (printed below).
            server.setServerConfig("shared_preload_libraries", "auto_explain")
                    .setServerConfig("auto_explain.log_min_duration", "1s")
                    .setServerConfig("auto_explain.log_analyze", "on")
                    .setServerConfig("auto_explain.log_buffers", "on")
                    .setServerConfig("auto_explain.log_nested_statements", "on")
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", EXPLAIN_LOGS.toString())
                    .setServerConfig("log_file_mode", "0644");
            Files.createDirectories(EXPLAIN_LOGS);
            EXPLAIN_LOGS.toFile().setWritable(true, false); // the server may run as another user
            System.out.println("plans of statements over 1 s: " + EXPLAIN_LOGS);
        }
        try (EmbeddedPostgres postgres = server.start();
                HikariDataSource dataSource = BenchDatabase.migratedPool(postgres, "&reWriteBatchedInserts=true")) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            ObjectMapper mapper = JsonMapper.builder()
                    .findAndAddModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .build();
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            byte[] key = "benchmark-only-pseudonym-key-0123456789".getBytes(StandardCharsets.UTF_8);
            FeedLoader loader =
                    new FeedLoader(new FeedRepository(jdbc, dataSource, transaction), new Pseudonyms(key), clock);

            Cpu cpu = new Cpu(data);
            double cpuBefore = cpu.seconds();
            double jvmBefore = Cpu.jvm();
            long loadStart = System.nanoTime();
            for (Feed feed : Feed.values()) {
                long feedStart = System.nanoTime();
                Path file = feeds.resolve(feed.id() + "-" + SNAPSHOT + ".csv");
                FeedLoadResult result = loader.load(
                        feed, SNAPSHOT, FeedSource.of(file, BatchFile.Format.CSV, StandardCharsets.UTF_8), "bench");
                System.out.printf(
                        "  %-20s %,10d rows loaded, %,d rejected, %.1f s (%,d bytes)%n",
                        feed.id(), result.loaded(), result.rejected(), secs(feedStart), Files.size(file));
            }
            double load = secs(loadStart);
            double cpuLoad = cpu.seconds();
            double jvmLoad = Cpu.jvm();
            System.out.printf(
                    "load: %.1f s (CPU: %.1f s, of which the JVM %.1f s)%n",
                    load, cpuLoad - cpuBefore, jvmLoad - jvmBefore);

            Criteria criteria = CriteriaFiles.load(Path.of("config/criteria"));
            SlaPolicy policy = SlaPolicyFile.load(Path.of("config/sla.yml"));
            WorkingCalendar calendar = CalendarFiles.load(policy.workingHours(), Path.of("config/calendar"));
            WorkingTime time = new WorkingTime(calendar);
            Deadlines deadlines = new Deadlines(time, policy.warnAt());
            SlaDeadlines sla =
                    new SlaDeadlines(policy, deadlines, new Extensions(time, policy), time, new SlaMeter(time));
            JurisdictionDirectory directory = JurisdictionDirectory.load(
                    Path.of("config/districts.csv"),
                    Path.of("config/jurisdictions.csv"),
                    Path.of("config/communities.csv"),
                    Path.of("config/gazetteer.csv"));
            Json json = new Json(mapper);
            TicketNumbers numbers = new TicketNumbers(
                    () -> jdbc.queryForObject("SELECT nextval('ticket_number_block_seq')", Long.class), clock, ZONE);
            LabelFiles labels = new LabelFiles(Path.of("config/labels"));
            MatchingJob job = new MatchingJob(
                    new Register(
                            new RegisterRepository(
                                    jdbc, transaction.getTransactionManager(), BenchDatabase.CONNECTIONS),
                            labels,
                            criteria,
                            transaction,
                            clock,
                            ZONE),
                    new MatchingRepository(jdbc, dataSource, mapper),
                    labels,
                    criteria,
                    new Assessor(criteria, ZONE),
                    new VisitTickets(
                            numbers,
                            directory,
                            sla,
                            deadlines,
                            SlaSpan.parse(
                                    "10 working days", policy.workingHours().perDay()),
                            json,
                            ZONE,
                            new hotline.gateway.ticket.PublicLinks(java.net.URI.create("http://localhost:8080"))),
                    new IntakeRepository(jdbc, json, new AssignmentRepository(jdbc)),
                    transaction,
                    new MatchingSettings(
                            EnumSet.of(
                                    Program.SUBSISTENCE_ALLOWANCE,
                                    Program.LOW_INCOME_FAMILY,
                                    Program.SPECIAL_HARDSHIP,
                                    Program.MEDICAL_ASSISTANCE,
                                    Program.EDUCATION_ASSISTANCE,
                                    Program.SUBDISTRICT_ASSISTANCE),
                            CAP,
                            Duration.ofDays(180),
                            BenchDatabase.CONNECTIONS),
                    mapper,
                    clock,
                    ZONE,
                    new SimpleMeterRegistry());

            long matchStart = System.nanoTime();
            MatchProgress first = job.run(false, "bench");
            double match = secs(matchStart);
            double cpuMatch = cpu.seconds();
            double jvmMatch = Cpu.jvm();
            System.out.printf(
                    "match: %.1f s: register %s; %,d candidates assessed (%.0f/s), %,d findings, %,d tickets opened,"
                            + " %,d deferred%n",
                    match,
                    first.register(),
                    first.assessed(),
                    first.assessed() / match,
                    first.findings(),
                    first.ticketsOpened(),
                    first.deferred());
            System.out.printf("match steps: %s%n", job.steps());
            System.out.printf(
                    "match CPU: %.1f s (gateway and PostgreSQL together, of which the JVM %.1f s; load average %s)%n",
                    cpuMatch - cpuLoad, jvmMatch - jvmLoad, Cpu.loadAverage());
            System.out.printf("load + match: %.1f s%n", load + match);
            System.out.printf(
                    "tickets: %,d, outbox rows: %,d%n",
                    jdbc.queryForObject("SELECT count(*) FROM ticket", Long.class),
                    jdbc.queryForObject("SELECT count(*) FROM outbox", Long.class));
            System.out.println("stored documents per visit (average bytes as text / as stored): "
                    + jdbc.queryForObject("""
                    SELECT format('outbox payload %s / %s, ticket assessment %s / %s, finding explanation %s / %s',
                        (SELECT round(avg(octet_length(payload))) FROM outbox),
                        (SELECT round(avg(pg_column_size(payload))) FROM outbox),
                        (SELECT round(avg(octet_length(assessment::text))) FROM ticket),
                        (SELECT round(avg(pg_column_size(assessment))) FROM ticket),
                        (SELECT round(avg(octet_length(explanation::text))) FROM outreach_finding),
                        (SELECT round(avg(pg_column_size(explanation))) FROM outreach_finding))
                    """, String.class));

            // What the run wrote, as digests a run of other code on the same data can be compared with (the
            // tracking codes, drawn at random, and the identity columns of the ticket rows and findings left out: a
            // finding's row id follows the order the households lie in, which the register's parallel staging varies).
            System.out.println("digests of what the run wrote: " + jdbc.queryForObject("""
                    SELECT format('findings %s, requests %s, tickets %s, assignments %s, events %s, outbox %s',
                        (SELECT md5(string_agg(concat_ws('|', f.finding_id, f.household, f.facts_hash, f.status,
                                    f.risk, f.town_code, f.labels, f.programs, f.combinations, f.explanation,
                                    f.ticket_no, f.found_at, f.opened_at), E'\n' ORDER BY f.finding_id COLLATE "C"))
                         FROM outreach_finding f),
                        (SELECT md5(string_agg(concat_ws('|', r.source, r.external_id, r.body_hash, r.received_at,
                                    r.channel, r.content, r.findings, r.subject, r.location, r.household, r.details,
                                    r.created_at, r.warnings), E'\n' ORDER BY r.external_id))
                         FROM service_request r),
                        (SELECT md5(string_agg(concat_ws('|', t.ticket_no, r.external_id, t.status, t.priority,
                                    t.primary_need, t.needs, t.urgency, t.assessment, t.assigned_level,
                                    t.assigned_code, t.assigned_name, t.assigned_rule, t.assigned_detail, t.queue,
                                    t.assigned_district, t.created_at, t.updated_at), E'\n' ORDER BY t.ticket_no))
                         FROM ticket t JOIN service_request r ON r.id = t.request_id),
                        (SELECT md5(string_agg(concat_ws('|', t.ticket_no, row_to_json(a)::jsonb - 'id' - 'ticket_id'),
                                    E'\n' ORDER BY t.ticket_no, a.seq))
                         FROM ticket_assignment a JOIN ticket t ON t.id = a.ticket_id),
                        (SELECT md5(string_agg(concat_ws('|', t.ticket_no, e.type, e.status, e.actor, e.occurred_at,
                                    e.data), E'\n' ORDER BY t.ticket_no, e.id))
                         FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id),
                        (SELECT md5(string_agg(concat_ws('|', o.ticket_no, o.ticket_version, o.destination,
                                    o.dedup_id, o.priority, o.payload, o.created_at, o.announces_dispatch,
                                    o.message_type), E'\n' ORDER BY o.dedup_id))
                         FROM outbox o))
                    """, String.class));

            long againStart = System.nanoTime();
            MatchProgress again = job.run(false, "bench-again");
            System.out.printf(
                    "rerun, nothing changed: %.2f s, %,d candidates, %,d tickets opened%n",
                    secs(againStart), again.candidates(), again.ticketsOpened());
            System.out.printf("rerun steps: %s%n", job.steps());
            long reloadStart = System.nanoTime();
            Path population = feeds.resolve("population-" + SNAPSHOT + ".csv");
            FeedLoadResult same = loader.load(
                    Feed.POPULATION,
                    SNAPSHOT,
                    FeedSource.of(population, BatchFile.Format.CSV, StandardCharsets.UTF_8),
                    "bench");
            System.out.printf("the same population file again: %s in %.1f s%n", same.status(), secs(reloadStart));
        }
    }

    /**
     * CPU seconds used by this JVM and the embedded PostgreSQL's processes: on a shared machine the wall-clock time
     * depends on the others' load, the CPU time much less.
     */
    private record Cpu(Path data) {

        static double jvm() {
            return ((com.sun.management.OperatingSystemMXBean)
                                    java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime()
                    / 1e9;
        }

        double seconds() throws java.io.IOException {
            double total = jvm();
            long postmaster = Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            long ticks = 0;
            try (var entries = Files.list(Path.of("/proc"))) {
                for (Path proc : entries.filter(p -> p.getFileName().toString().matches("[0-9]+"))
                        .toList()) {
                    String[] stat;
                    try {
                        String text = Files.readString(proc.resolve("stat"));
                        stat = text.substring(text.lastIndexOf(')') + 2).split(" ");
                    } catch (java.io.IOException gone) {
                        continue;
                    }
                    long pid = Long.parseLong(proc.getFileName().toString());
                    if (pid == postmaster || Long.parseLong(stat[1]) == postmaster) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]); // utime, stime
                    }
                }
            }
            return total + ticks / 100.0; // USER_HZ
        }

        static String loadAverage() throws java.io.IOException {
            return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).strip();
        }
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
