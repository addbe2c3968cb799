package hotline.gateway.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.bench.OutreachFeedGenerator;
import hotline.gateway.criteria.Criteria;
import hotline.gateway.intake.BatchFile;
import hotline.gateway.support.GatewayIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register's work tables are filled on several connections side by side, each with its share of the persons and
 * households: against the real PostgreSQL, a register staged on one connection and one staged on three hold the same
 * persons and households, row for row; and two instances refreshing at once build it once, the second waiting for the
 * first and then finding it built. A household's matched mark goes when the household goes.
 */
class RegisterStagingEndToEndTest extends GatewayIntegrationTest {

    private static final LocalDate SNAPSHOT = LocalDate.parse("2026-11-30");
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    /** Every column of the register but the time each household was written. */
    private static final String PERSONS_DIGEST =
            "SELECT count(*) || ':' || md5(string_agg(p::text, '|' ORDER BY p.person)) FROM outreach_person p";

    private static final String HOUSEHOLDS_DIGEST = """
            SELECT count(*) || ':' || md5(string_agg(
                concat_ws(',', h.key, h.found_by, h.active, h.community_code, h.town_code, h.district_code, h.address,
                          h.size, h.minors, h.elderly, h.members, h.income, h.income_source, h.per_capita_income,
                          h.medical_costs_monthly, h.education_costs_monthly, h.receives, h.labels, h.facts_hash),
                '|' ORDER BY h.key))
            FROM outreach_household h
            """;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FeedLoader loader;

    @Autowired
    LabelFiles labels;

    @Autowired
    Criteria criteria;

    @Autowired
    TransactionTemplate transaction;

    @TempDir
    Path feeds;

    @Test
    void aRegisterStagedInSharesIsTheRegisterStagedWhole() throws Exception {
        loadFeeds();

        Register.Refresh whole = register(1).refresh();
        assertThat(whole.rebuilt()).isTrue();
        assertThat(whole.persons()).isEqualTo(1_500);
        String persons = digest(PERSONS_DIGEST);
        String households = digest(HOUSEHOLDS_DIGEST);
        assertThat(households).startsWith("600:");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outreach_household WHERE cardinality(labels) > 0", Integer.class))
                .as("the synthetic households carry labels, so the digests compare them")
                .isGreaterThan(50);

        jdbc.update(
                "INSERT INTO outreach_household_matched (key, facts_hash) SELECT key, facts_hash FROM outreach_household");
        forgetTheRegister();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outreach_household_matched", Integer.class))
                .as("a household's matched mark goes with it")
                .isZero();
        Register.Refresh inThree = register(3).refresh();
        assertThat(inThree.rebuilt()).isTrue();
        assertThat(inThree.householdsWritten()).isEqualTo(600);
        assertThat(digest(PERSONS_DIGEST)).isEqualTo(persons);
        assertThat(digest(HOUSEHOLDS_DIGEST)).isEqualTo(households);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outreach_person_stage", Integer.class))
                .as("the work tables are emptied with the rebuild")
                .isZero();

        forgetTheRegister();
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Register.Refresh> first = CompletableFuture.supplyAsync(() -> refreshAfter(start, 2));
        CompletableFuture<Register.Refresh> second = CompletableFuture.supplyAsync(() -> refreshAfter(start, 2));
        start.countDown();
        List<Boolean> rebuilt = List.of(first.get().rebuilt(), second.get().rebuilt());
        assertThat(rebuilt).containsExactlyInAnyOrder(true, false);
        assertThat(digest(PERSONS_DIGEST)).isEqualTo(persons);
        assertThat(digest(HOUSEHOLDS_DIGEST)).isEqualTo(households);
    }

    private void loadFeeds() throws Exception {
        EmptyRegister.reset(jdbc);
        OutreachFeedGenerator.generate(feeds, 1_500, 600, SNAPSHOT);
        for (Feed feed : Feed.values()) {
            Path file = feeds.resolve(feed.id() + "-" + SNAPSHOT + ".csv");
            FeedLoadResult result = loader.load(
                    feed, SNAPSHOT, FeedSource.of(file, BatchFile.Format.CSV, StandardCharsets.UTF_8), "test");
            assertThat(result.rejected()).as(feed.id()).isZero();
        }
    }

    /** As after new feeds: the register is rebuilt from scratch, every household written again. */
    private void forgetTheRegister() {
        jdbc.update("DELETE FROM outreach_state WHERE name = ?", Register.BUILT_FROM);
        jdbc.update("DELETE FROM outreach_household");
        jdbc.execute("TRUNCATE outreach_person");
    }

    private Register register(int parts) {
        return new Register(
                new RegisterRepository(jdbc, transaction.getTransactionManager(), parts),
                labels,
                criteria,
                transaction,
                CLOCK,
                CITY);
    }

    private Register.Refresh refreshAfter(CountDownLatch start, int parts) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return register(parts).refresh();
    }

    private String digest(String sql) {
        return jdbc.queryForObject(sql, String.class);
    }
}
