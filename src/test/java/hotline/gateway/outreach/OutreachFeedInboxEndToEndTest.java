package hotline.gateway.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.support.GatewayIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The feeds' inbox route (routes/outreach.yaml, outreach-feed-files) against the real PostgreSQL: a file dropped in
 * a feed's inbox folder loads as that feed's snapshot of the date in its name and moves to done/ with its result; a
 * file with bad rows reports each with its line and field and loads the good ones; a file without a date in its name
 * goes to failed/.
 */
class OutreachFeedInboxEndToEndTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ONE = ResidentIds.of("310104", "19450101", 91);
    static final String TWO = ResidentIds.of("310104", "19460202", 92);
    static final String THREE = ResidentIds.of("310104", "19470303", 93);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGoodFileLoadsAndAFileWithBadRowsReportsThemAndLoadsTheGoodOnes() throws Exception {
        EmptyRegister.reset(jdbc);

        JsonNode population = drop(
                "population",
                "population-2026-11-30.csv",
                "id_number,household_no,community_code,address,living_alone,name,phone\n"
                        + ONE + ",H-IN-1,310104010007,长桥七村1号,true,,\n"
                        + TWO + ",H-IN-2,310104010007,长桥七村2号,false,,\n"
                        + THREE + ",H-IN-2,310104010007,长桥七村2号,false,,\n",
                "done");
        assertThat(population.get("status").asText()).isEqualTo("LOADED");
        assertThat(population.get("loaded").asInt()).isEqualTo(3);
        assertThat(population.get("rejected").asInt()).isZero();
        assertThat(facts("population")).isEqualTo(3);

        // Line 3 has a wrong check digit, line 5 a grade that is not 1-4 (a quoted line break keeps line numbers true).
        String wrongCheckDigit = TWO.substring(0, 17) + (TWO.charAt(17) == '0' ? '1' : '0');
        JsonNode disability = drop(
                "disability",
                "disability-2026-11-30.csv",
                "id_number,grade,kind\n" + ONE + ",1,\"肢体\n(上肢)\"\n" + wrongCheckDigit + ",2,视力\n" + THREE + ",9,听力\n",
                "done");
        assertThat(disability.get("status").asText()).isEqualTo("LOADED");
        assertThat(disability.get("rows").asInt()).isEqualTo(3);
        assertThat(disability.get("loaded").asInt()).isEqualTo(1);
        assertThat(disability.get("rejected").asInt()).isEqualTo(2);
        assertThat(disability.at("/errors/0/line").asInt()).isEqualTo(4);
        assertThat(disability.at("/errors/0/errors/0/field").asText()).isEqualTo("id_number");
        assertThat(disability.at("/errors/0/errors/0/message").asText()).contains("check");
        assertThat(disability.at("/errors/1/line").asInt()).isEqualTo(5);
        assertThat(disability.at("/errors/1/errors/0/field").asText()).isEqualTo("grade");
        assertThat(facts("disability")).isEqualTo(1);

        JsonNode undated =
                drop("health", "health-latest.csv", "id_number,chronic_illness\n" + ONE + ",true\n", "failed");
        assertThat(undated.get("status").asText()).isEqualTo("REJECTED");
        assertThat(undated.get("problem").asText()).contains("YYYY-MM-DD");
        assertThat(facts("health")).isZero();
    }

    /** Drops a file into the feed's inbox and waits for it (and its result) in done/ or failed/. */
    private static JsonNode drop(String feed, String name, String content, String outcome) throws Exception {
        Path inbox = FEEDS.resolve(feed).resolve("inbox");
        Files.createDirectories(inbox);
        Path writing = inbox.resolve(name + ".part");
        Files.writeString(writing, content, StandardCharsets.UTF_8);
        Files.move(writing, inbox.resolve(name));
        Path moved = FEEDS.resolve(feed).resolve(outcome).resolve(name);
        Path result = FEEDS.resolve(feed).resolve(outcome).resolve(name + ".result.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(moved) && Files.exists(result));
        assertThat(inbox.resolve(name)).doesNotExist();
        return JSON.readTree(Files.readString(result));
    }

    private int facts(String feed) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM outreach_fact WHERE feed = ? AND snapshot_date = DATE '2026-11-30'",
                Integer.class,
                feed);
    }
}
