package hotline.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariDataSource;
import hotline.gateway.criteria.Criteria;
import hotline.gateway.criteria.CriteriaFiles;
import hotline.gateway.intake.BatchFile;
import hotline.gateway.outreach.Feed;
import hotline.gateway.outreach.FeedLoader;
import hotline.gateway.outreach.FeedRepository;
import hotline.gateway.outreach.FeedSource;
import hotline.gateway.outreach.LabelFiles;
import hotline.gateway.outreach.PseudonymKeyCheck;
import hotline.gateway.outreach.Pseudonyms;
import hotline.gateway.outreach.Register;
import hotline.gateway.outreach.RegisterRepository;
import hotline.gateway.outreach.RekeyRepository;
import hotline.gateway.outreach.RekeyResult;
import hotline.gateway.outreach.Rekeying;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test: the re-key of a register. Generates synthetic feeds (1,000,000 persons in 400,000 households
 * by default), loads the six under one key, builds the register, then re-keys it to another key reading the six files
 * (one streaming pass, one transaction), and prints each step's time and the rows changed.
 *
 * <p>Run: {@code bench/outreach-rekey.sh} (PERSONS=... HOUSEHOLDS=...).
 */
public final class OutreachRekeyBenchmark {

    private static final int PERSONS = Integer.getInteger("persons", 1_000_000);
    private static final int HOUSEHOLDS = Integer.getInteger("households", 400_000);
    private static final LocalDate SNAPSHOT = LocalDate.parse("2026-11-30");
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws Exception {
        Path feeds = Path.of("target", "bench", "outreach-rekey-feeds").toAbsolutePath();
        long start = System.nanoTime();
        OutreachFeedGenerator.generate(feeds, PERSONS, HOUSEHOLDS, SNAPSHOT);
        System.out.printf(
                "generated feeds of %,d persons in %,d households in %.1f s%n", PERSONS, HOUSEHOLDS, secs(start));
        Path data = Path.of("target", "bench", "outreach-rekey-pg").toAbsolutePath();
        try (EmbeddedPostgres postgres =
                        BenchDatabase.server(data, BenchDatabase.BULK_MEMORY).start();
                HikariDataSource dataSource = BenchDatabase.migratedPool(postgres, "")) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            ObjectMapper mapper = JsonMapper.builder()
                    .findAndAddModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .build();
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            Pseudonyms previous =
                    new Pseudonyms("benchmark-only-previous-key-0123456789".getBytes(StandardCharsets.UTF_8));
            Pseudonyms next = new Pseudonyms("benchmark-only-new-key-0123456789abcd".getBytes(StandardCharsets.UTF_8));

            long loadStart = System.nanoTime();
            FeedLoader loader = new FeedLoader(new FeedRepository(jdbc, dataSource, transaction), previous, clock);
            List<FeedSource> files = new ArrayList<>();
            for (Feed feed : Feed.values()) {
                FeedSource file = FeedSource.of(
                        feeds.resolve(feed.id() + "-" + SNAPSHOT + ".csv"),
                        BatchFile.Format.CSV,
                        StandardCharsets.UTF_8);
                loader.load(feed, SNAPSHOT, file, "bench");
                files.add(file);
            }
            System.out.printf("load of the six feeds under the previous key: %.1f s%n", secs(loadStart));
            new PseudonymKeyCheck(jdbc, previous).registerFingerprint();

            long registerStart = System.nanoTime();
            Criteria criteria = CriteriaFiles.load(Path.of("config/criteria"));
            Register.Refresh built = new Register(
                            new RegisterRepository(jdbc, transaction.getTransactionManager(), 2),
                            new LabelFiles(Path.of("config/labels")),
                            criteria,
                            transaction,
                            clock,
                            ZONE)
                    .refresh();
            System.out.printf(
                    "register: %,d persons, %,d households in %.1f s%n",
                    built.persons(), built.householdsWritten(), secs(registerStart));

            long rekeyStart = System.nanoTime();
            Rekeying rekeying = new Rekeying(
                    new RekeyRepository(jdbc, dataSource),
                    new PseudonymKeyCheck(jdbc, next),
                    next,
                    transaction,
                    mapper,
                    clock);
            RekeyResult result = rekeying.rekey(previous, files, false, "bench");
            System.out.printf(
                    "re-key (six files read, one transaction): %.1f s: %s, %,d rows read, %,d rejected, changed %s%n",
                    secs(rekeyStart), result.status(), result.rows(), result.rejected(), result.changed());
        }
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
