package hotline.gateway.reporting.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.files.ConfigCsv;
import hotline.gateway.jurisdiction.JurisdictionDirectory;
import hotline.gateway.reporting.DistrictNames;
import hotline.gateway.reporting.GroupBy;
import hotline.gateway.reporting.OverduePage;
import hotline.gateway.reporting.OverdueRepository;
import hotline.gateway.reporting.OverdueRequest;
import hotline.gateway.reporting.ReportFormat;
import hotline.gateway.reporting.ReportPeriod;
import hotline.gateway.reporting.SlaFigures;
import hotline.gateway.reporting.SlaReport;
import hotline.gateway.reporting.SlaReportRepository;
import hotline.gateway.reporting.SlaReportRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A benchmark, not a test: loads a million tickets (requests, assignments, events over four months) into an embedded
 * PostgreSQL with set-based SQL (bench/sla-report-data.sql), then times a month's SLA report per grouping, with and
 * without a district filter, and the overdue list, several times each, and prints the figures and a plan summary.
 * Run by bench/sla-report.sh; asserts nothing. The data directory is kept, so a second run skips the load.
 */
public final class SlaReportBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 8, 1);
    private static final int DAYS = 120;
    /** "Now" for the data and the reports: the end of the four months, so that the last weeks are still open. */
    private static final Instant NOW =
            FIRST_DAY.plusDays(DAYS).atTime(18, 0).atZone(ZONE).toInstant();

    private static final ReportPeriod MONTH =
            new ReportPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), ZONE);
    private static final int RUNS = 5;

    private SlaReportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dataDir =
                Path.of(args.length > 0 ? args[0] : "/tmp/reports-bench/pg").toAbsolutePath();
        int tickets = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Files.createDirectories(dataDir.getParent());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("timezone", "UTC")
                .start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            System.out.printf(
                    "PostgreSQL %s, data in %s, shared_buffers %s, work_mem %s%n",
                    jdbc.queryForObject("SHOW server_version", String.class),
                    dataDir,
                    jdbc.queryForObject("SHOW shared_buffers", String.class),
                    jdbc.queryForObject("SHOW work_mem", String.class));
            load(jdbc, tickets);
            run(jdbc);
        }
    }

    private static void load(JdbcTemplate jdbc, int tickets) throws Exception {
        Long stored = jdbc.queryForObject("SELECT count(*) FROM ticket", Long.class);
        if (stored != null && stored >= tickets) {
            System.out.printf("%,d tickets already loaded%n", stored);
            return;
        }
        if (stored != null && stored > 0) {
            throw new IllegalStateException(
                    stored + " tickets in a partly loaded database: remove " + "the data directory and run again");
        }
        long started = System.nanoTime();
        String script = Files.readString(Path.of("bench/sla-report-data.sql"));
        jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET synchronous_commit = off");
                statement.execute("CREATE TEMP TABLE bench_params (tickets int, first_day timestamptz, days int, "
                        + "now timestamptz)");
                statement.execute("CREATE TEMP TABLE bench_town (n int, code text, name text, district text)");
            }
            try (var params = connection.prepareStatement("INSERT INTO bench_params VALUES (?, ?, ?, ?)")) {
                params.setInt(1, tickets);
                params.setTimestamp(
                        2, Timestamp.from(FIRST_DAY.atStartOfDay(ZONE).toInstant()));
                params.setInt(3, DAYS);
                params.setTimestamp(4, Timestamp.from(NOW));
                params.executeUpdate();
            }
            try (var towns = connection.prepareStatement("INSERT INTO bench_town VALUES (?, ?, ?, ?)")) {
                int n = 0;
                for (Map<String, String> row : ConfigCsv.read(Path.of("config/jurisdictions.csv"), "town_code")) {
                    towns.setInt(1, ++n);
                    towns.setString(2, row.get("town_code"));
                    towns.setString(3, row.get("town_name"));
                    towns.setString(4, row.get("district_code"));
                    towns.addBatch();
                }
                towns.executeBatch();
            }
            try (var statement = connection.createStatement()) {
                for (String sql : statements(script)) {
                    long step = System.nanoTime();
                    statement.execute(sql);
                    System.out.printf(
                            "  %6.1f s  %s%n",
                            seconds(step),
                            sql.lines()
                                    .filter(line -> !line.startsWith("--"))
                                    .findFirst()
                                    .orElse(""));
                }
                statement.execute("VACUUM ANALYZE");
            }
            return null;
        });
        System.out.printf(
                "Loaded %,d tickets in %.1f s: %s%n",
                tickets, seconds(started), jdbc.queryForList("""
                SELECT (SELECT count(*) FROM service_request) AS requests, (SELECT count(*) FROM ticket) AS tickets,
                       (SELECT count(*) FROM ticket_assignment) AS assignments,
                       (SELECT count(*) FROM ticket_event) AS events
                """).get(0));
    }

    private static void run(JdbcTemplate jdbc) {
        Clock clock = Clock.fixed(NOW, ZONE);
        DistrictNames districts = DistrictNames.of(JurisdictionDirectory.load(
                Path.of("config/districts.csv"),
                Path.of("config/jurisdictions.csv"),
                Path.of("config/communities.csv"),
                Path.of("config/gazetteer.csv")));
        SlaReportRepository reports =
                new SlaReportRepository(jdbc, new ObjectMapper().findAndRegisterModules(), clock, districts);
        OverdueRepository overdue = new OverdueRepository(jdbc, clock);
        System.out.printf(
                "%nMonth %s..%s (now %s), %d runs each, milliseconds:%n", MONTH.from(), MONTH.to(), NOW, RUNS);
        for (GroupBy groupBy : GroupBy.values()) {
            for (String district : Arrays.asList(null, "310104")) {
                SlaReportRequest request = new SlaReportRequest(MONTH, groupBy, district, ReportFormat.JSON);
                SlaReport report = time(
                        groupBy.parameterValue() + (district == null ? "" : " district=" + district),
                        () -> reports.report(request));
                SlaFigures total = report.total();
                System.out.printf(
                        "      %d groups; received %,d, dispatched %,d, signed on time %s%%, resolved on time "
                                + "%s%%, response %s%%, resolution %s%%, satisfaction %s%%, open %,d, overdue %,d, "
                                + "returns %,d, escalations %,d, resolve median %s h, p90 %s h%n",
                        report.groups().size(),
                        total.received(),
                        total.dispatched(),
                        total.signedOnTimeRate(),
                        total.resolvedOnTimeRate(),
                        total.responseRate(),
                        total.resolutionRate(),
                        total.satisfactionRate(),
                        total.openNow(),
                        total.overdueNow(),
                        total.returns(),
                        total.escalations(),
                        total.resolveHoursMedian(),
                        total.resolveHoursP90());
            }
        }
        OverduePage first = time("overdue page 1", () -> overdue.page(new OverdueRequest(null, 1, 50)));
        System.out.printf(
                "      %,d overdue tickets; oldest %s %s %s%n",
                first.total(),
                first.items().get(0).ticketNo(),
                first.items().get(0).target(),
                first.items().get(0).deadline());
        time("overdue district=310104 page 3", () -> overdue.page(new OverdueRequest("310104", 3, 50)));
        explain(jdbc, "counts", hotline.gateway.reporting.SlaReportSqlAccess.countStatement(GroupBy.TOWN));
        explain(
                jdbc,
                "percentiles and return reasons",
                hotline.gateway.reporting.SlaReportSqlAccess.spreadStatement(GroupBy.TOWN));
        reports.close();
    }

    private static <T> T time(String name, Supplier<T> report) {
        List<Double> millis = new ArrayList<>();
        T result = null;
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            result = report.get();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(
                "  %-32s min %6.0f  median %6.0f  max %6.0f   (runs: %s)%n",
                name,
                sorted.get(0),
                sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1),
                millis.stream().map(m -> String.format("%.0f", m)).toList());
        return result;
    }

    /** The plan of a statement of the town report, as the repository runs it, with its most telling lines. */
    private static void explain(JdbcTemplate jdbc, String what, String sql) {
        List<String> plan = jdbc.queryForList(
                "EXPLAIN (ANALYZE, BUFFERS) " + sql,
                String.class,
                Timestamp.from(MONTH.start()),
                Timestamp.from(MONTH.end()),
                null,
                Timestamp.from(NOW),
                ZONE.getId());
        System.out.println("\nEXPLAIN ANALYZE of the town report's " + what + " (summary):");
        plan.stream()
                .filter(line -> line.contains("Scan")
                        || line.contains("Join")
                        || line.contains("Aggregate")
                        || line.contains("Gather")
                        || line.contains("Sort ")
                        || line.contains("CTE")
                        || line.contains("Planning Time")
                        || line.contains("Execution Time")
                        || line.contains("Buffers: shared") && plan.indexOf(line) < 3)
                .forEach(line -> System.out.println("  " + line));
    }

    private static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        for (String statement : script.split(";\\s*\\n")) {
            String sql =
                    statement.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
            if (!sql.isBlank()) {
                statements.add(sql);
            }
        }
        return statements;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
