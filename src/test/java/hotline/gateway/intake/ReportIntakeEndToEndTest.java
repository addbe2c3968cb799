package hotline.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Community centre reports: one at a time, as a batch (CSV or JSON Lines), and as files dropped in the inbox. */
class ReportIntakeEndToEndTest extends GatewayIntegrationTest {

    private static final String CSV_HEADER = "reportId,centreId,reportedAt,reporter,subject.name,subject.phone,"
            + "subject.idNumber,location.townCode,location.district,location.address,content,household.size,"
            + "household.monthlyIncome,visitFindings\n";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    private static String report(String reportId, String content) {
        return """
                {"reportId": "%s", "centreId": "CAC-XH-03", "reportedAt": "2026-11-20T10:00:00+08:00",
                 "reporter": "社工 王老师", "subject": {"name": "李阿婆", "phone": "13800138000"},
                 "location": {"address": "徐汇区天平路街道某小区"}, "content": "%s",
                 "household": {"size": 1, "monthlyIncome": 1500},
                 "visitFindings": "入户走访发现老人独居，行动不便，需要助餐和定期探访"}
                """.formatted(reportId, content);
    }

    @Test
    void aReportBecomesATicketOnItsTownsQueueAndARepeatFindsIt() {
        String reportId = "RPT-" + UUID.randomUUID();
        String body = report(reportId, "居委反映辖区独居老人82岁，子女不在身边，最近身体变差，吃饭成问题。");
        Response first = gateway().postJson("/api/v1/reports", body);
        Response again = gateway().postJson("/api/v1/reports", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        String ticketNo = first.json().get("ticketNo").asText();
        assertThat(again.json().get("ticketNo").asText()).isEqualTo(ticketNo);
        assertThat(first.json().at("/needs/primary").asText()).isEqualTo("ELDERLY_CARE");
        assertThat(first.json().at("/assignedTo/code").asText()).isEqualTo("310104003");
        assertThat(broker().take("tickets.310104003", ticketNo, 10_000)).hasSize(1);
    }

    @Test
    void aCsvBatchKeepsItsGoodRowsAndReportsTheBadOnesAndARepostMakesNoNewTicket() {
        String batch = "B" + UUID.randomUUID().toString().substring(0, 8);
        String csv = CSV_HEADER
                + batch + "-1,CAC-XH-03,2026-11-20T10:00:00+08:00,张社工,赵某,13900001111,,310104003,,,"
                + "\"老人独居，八十多岁，腿脚不便, 需要助餐\",1,1800,\"入户发现家中无人照料\"\n"
                + batch + "-2,CAC-XH-03,not-a-date,张社工,,,310107196803119048,,,,,,,\n"
                + batch + "-3,CAC-XH-03,2026-11-20T11:00:00+08:00,张社工,钱某,,,,宝山区,宝山区大场镇环镇北路,"
                + "\"丈夫尿毒症透析，医药费负担重，家里没钱看病\",3,2600,\n";
        Response first = gateway().post("/api/v1/reports/batch", "text/csv; charset=utf-8", csv);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode result = first.json();
        assertThat(result.get("rows").asInt()).isEqualTo(3);
        assertThat(result.get("created").asInt()).isEqualTo(2);
        assertThat(result.get("rejected").asInt()).isEqualTo(1);
        JsonNode bad = result.get("results").get(1);
        assertThat(bad.get("status").asText()).isEqualTo("REJECTED");
        List<String> badFields = new ArrayList<>();
        bad.get("errors").forEach(error -> badFields.add(error.get("field").asText()));
        assertThat(badFields).containsExactlyInAnyOrder("reportedAt", "subject.idNumber", "content");
        assertThat(result.get("results").get(2).get("ticketNo").asText()).isNotBlank();
        assertThat(storedReports(batch)).isEqualTo(2);

        Response second = gateway().post("/api/v1/reports/batch", "text/csv", csv);
        assertThat(second.json().get("created").asInt()).isZero();
        assertThat(second.json().get("existing").asInt()).isEqualTo(2);
        assertThat(second.json().get("results").get(0).get("ticketNo").asText())
                .isEqualTo(result.get("results").get(0).get("ticketNo").asText());
        assertThat(storedReports(batch)).isEqualTo(2);
    }

    @Test
    void aJsonLinesBatchWorksTheSameWay() {
        String batch = "J" + UUID.randomUUID().toString().substring(0, 8);
        String jsonl = report(batch + "-1", "独居老人需要助餐服务").replace("\n", " ") + "\n"
                + "{not json}\n"
                + "\n"
                + report(batch + "-2", "失业半年找不到工作，想参加职业培训").replace("\n", " ") + "\n";
        Response response = gateway().post("/api/v1/reports/batch", "application/jsonl", jsonl);

        assertThat(response.status()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("rows").asInt()).isEqualTo(3);
        assertThat(result.get("created").asInt()).isEqualTo(2);
        assertThat(result.get("results").get(1).at("/errors/0/message").asText())
                .contains("line 2");
        assertThat(storedReports(batch)).isEqualTo(2);
    }

    @Test
    void aBatchOfAnotherMediaTypeOrWithTooManyRowsIsRefusedWhole() {
        Response wrongType = gateway().post("/api/v1/reports/batch", "application/json", "[]");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");

        StringBuilder tooMany = new StringBuilder(CSV_HEADER);
        for (int i = 0; i <= 10_000; i++) {
            tooMany.append("TOO-MANY-").append(i).append(",C,2026-11-20T10:00:00+08:00,,,,,,,,x,,,\n");
        }
        Response refused = gateway().post("/api/v1/reports/batch", "text/csv", tooMany.toString());
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("detail").asText()).contains("10000");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM service_request WHERE external_id LIKE 'TOO-MANY-%'", Integer.class))
                .isZero();
    }

    @Test
    void aFileDroppedInACentresFolderIsTakenOnceAndMovedWithItsResult() throws Exception {
        String batch = "F" + UUID.randomUUID().toString().substring(0, 8);
        Path centre = INBOX.resolve("CAC-XH-03");
        Files.createDirectories(centre);
        String csv = CSV_HEADER
                + batch + "-1,CAC-XH-03,2026-11-21T09:00:00+08:00,,,,,,,徐汇区天平路,独居老人需要助餐,1,,\n"
                + batch + "-2,CAC-XH-03,bad-date,,,,,,,,,,,\n"
                + batch + "-3,CAC-HP-01,2026-11-21T09:00:00+08:00,,,,,,,黄浦区南京东路,独居老人需要助餐,1,,\n";
        Path file = centre.resolve(batch + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        Path done = centre.resolve("done").resolve(batch + ".csv");
        Path result = centre.resolve("done").resolve(batch + ".csv.result.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(done) && Files.exists(result));
        assertThat(file).doesNotExist();
        JsonNode written = JSON.readTree(Files.readString(result));
        assertThat(written.get("created").asInt()).isEqualTo(1);
        assertThat(written.get("rejected").asInt()).isEqualTo(2);
        assertThat(written.at("/results/1/errors/0/field").asText()).isEqualTo("reportedAt");
        // The folder stands for the centre: a row naming another centre is refused with its reason.
        assertThat(written.at("/results/2/errors/0/field").asText()).isEqualTo("centreId");
        assertThat(written.at("/results/2/errors/0/message").asText()).contains("CAC-HP-01", "CAC-XH-03");
        assertThat(storedReports(batch)).isEqualTo(1);

        Path unreadable = centre.resolve(batch + "-broken.csv");
        Files.writeString(unreadable, "reportId,content\n\"unterminated,quote\n", StandardCharsets.UTF_8);
        Path failed = centre.resolve("failed").resolve(batch + "-broken.csv");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(failed)
                        && Files.exists(centre.resolve("failed").resolve(batch + "-broken.csv.result.json")));
    }

    private int storedReports(String batch) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM service_request WHERE source = 'COMMUNITY' " + "AND external_id LIKE ?",
                Integer.class,
                batch + "-%");
    }
}
