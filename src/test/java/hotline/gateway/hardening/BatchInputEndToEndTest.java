package hotline.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.Tickets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Batches in the charsets centres' spreadsheets save, rows a database would refuse in the middle of a batch, inbox
 * files in GBK or with a byte order mark, and an SLA report CSV that a spreadsheet cannot run as formulas.
 */
class BatchInputEndToEndTest extends GatewayIntegrationTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The centre's own folder of the inbox: the folder stands for the centre. */
    private static final java.nio.file.Path CENTRE_INBOX = INBOX.resolve("CAC-XH-03");

    private static final String HEADER = "reportId,centreId,reportedAt,subject.name,subject.phone,location.address,"
            + "content,household.size,household.monthlyIncome\n";

    @Autowired
    JdbcTemplate jdbc;

    private static String row(String reportId, String reportedAt, String content) {
        return reportId + ",CAC-XH-03," + reportedAt + ",测试姓名甲,13912345678,徐汇区天平路某某路999弄," + content + ",1,1500\n";
    }

    private int stored(String prefix) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM service_request WHERE external_id LIKE ?", Integer.class, prefix + "%");
    }

    private static List<String> statuses(JsonNode result) {
        List<String> statuses = new ArrayList<>();
        result.get("results").forEach(row -> statuses.add(row.get("status").asText()));
        return statuses;
    }

    @Test
    void aGbkOrGb18030BatchIsDecodedAndStoredAsItsText() {
        for (String charset : List.of("GBK", "GB18030")) {
            String id = "CS-" + charset + "-" + UUID.randomUUID();
            String csv = HEADER + row(id, "2026-11-20T10:00:00+08:00", "独居老人行动不便需要助餐");
            Response response = gateway()
                    .post(
                            "/api/v1/reports/batch",
                            "text/csv; charset=" + charset,
                            csv.getBytes(Charset.forName(charset)));

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("created").asInt()).isEqualTo(1);
            assertThat(jdbc.queryForObject(
                            "SELECT subject->>'name' || '|' || (location->>'address') || '|' || content"
                                    + " FROM service_request WHERE external_id = ?",
                            String.class,
                            id))
                    .isEqualTo("测试姓名甲|徐汇区天平路某某路999弄|独居老人行动不便需要助餐");
        }
    }

    @Test
    void aBatchInAnotherCharsetIsRefusedWhole() {
        String id = "CS-BAD-" + UUID.randomUUID();
        byte[] gbk = (HEADER + row(id, "2026-11-20T10:00:00+08:00", "独居老人需要助餐")).getBytes(GBK);

        Response undeclared = gateway().post("/api/v1/reports/batch", "text/csv", gbk);
        assertThat(undeclared.status()).isEqualTo(400);
        assertThat(undeclared.json().at("/errors/0/field").asText()).isEqualTo("(body)");
        assertThat(undeclared.json().at("/errors/0/message").asText()).contains("UTF-8");

        Response utf16 = gateway()
                .post(
                        "/api/v1/reports/batch",
                        "text/csv; charset=UTF-16",
                        (HEADER + row(id, "2026-11-20T10:00:00+08:00", "x")).getBytes(StandardCharsets.UTF_16));
        assertThat(utf16.status()).isEqualTo(415);
        assertThat(utf16.json().at("/errors/0/message").asText()).contains("UTF-16");

        Response unknown = gateway().post("/api/v1/reports/batch", "application/jsonl; charset=klingon", gbk);
        assertThat(unknown.status()).isEqualTo(415);
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("Content-Type");
        assertThat(stored(id)).isZero();
    }

    /**
     * Rows PostgreSQL cannot store (a NUL, a lone surrogate, a date outside its range) and numbers that overflow sit
     * between good rows: each bad row is refused on its own with its field named, the good rows before and after it
     * are stored, and the same batch posted again is answered the same way with nothing new.
     */
    @Test
    void badRowsInTheMiddleOfABatchAreRefusedOneByOneAndARepostIsAnsweredToo() {
        String batch = "MID-" + UUID.randomUUID().toString().substring(0, 8);
        String jsonl = String.join(
                "\n",
                line(batch + "-1", "2026-11-20T10:00:00+08:00", "\"独居老人需要助餐\""),
                line(batch + "-2", "2026-11-20T10:00:00+08:00", "\"独居\\u0000老人\""),
                line(batch + "-3", "2026-11-20T10:00:00+08:00", "\"独居\\ud800老人\""),
                line(batch + "-4", "+294277-11-20T10:00:00+08:00", "\"独居老人需要助餐\""),
                line(batch + "-5", "-4714-11-20T10:00:00+08:00", "\"独居老人需要助餐\""),
                line(batch + "-6", "2026-11-20T10:00:00+08:00", "\"独居老人需要助餐\"")
                        .replace("\"size\": 1", "\"size\": 1e400"),
                line(batch + "-7", "2026-11-20T10:00:00+08:00", "\"独居老人需要助餐\"")
                        .replace("\"monthlyIncome\": 1500", "\"monthlyIncome\": NaN"),
                line(batch + "-8", "2026-11-21T10:00:00+08:00", "\"失业半年想参加职业培训\""));

        for (int attempt = 1; attempt <= 2; attempt++) {
            Response response = gateway().post("/api/v1/reports/batch", "application/jsonl", jsonl);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode result = response.json();
            String good = attempt == 1 ? "CREATED" : "EXISTING";
            assertThat(statuses(result))
                    .containsExactly(
                            good, "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", good);
            assertThat(result.at("/results/1/errors/0/field").asText()).isEqualTo("content");
            assertThat(result.at("/results/2/errors/0/field").asText()).isEqualTo("content");
            assertThat(result.at("/results/3/errors/0/field").asText()).isEqualTo("reportedAt");
            assertThat(result.at("/results/4/errors/0/field").asText()).isEqualTo("reportedAt");
            assertThat(result.at("/results/5/errors/0/field").asText()).isEqualTo("household.size");
            assertThat(result.at("/results/6/errors/0/field").asText()).isEqualTo("household.monthlyIncome");
            assertThat(stored(batch)).isEqualTo(2);
        }
    }

    private static String line(String reportId, String reportedAt, String contentJson) {
        return ("{\"reportId\": \"%s\", \"centreId\": \"CAC-XH-03\", \"reportedAt\": \"%s\", \"content\": %s,"
                        + " \"subject\": {\"name\": \"测试姓名甲\"}, \"location\": {\"address\": \"某某路999弄\"},"
                        + " \"household\": {\"size\": 1, \"monthlyIncome\": 1500}}")
                .formatted(reportId, reportedAt, contentJson);
    }

    @Test
    void inboxFilesAreReadAsUtf8WithOrWithoutAByteOrderMarkElseAsGbkElseFail() throws Exception {
        String batch = "CENTRE_INBOX-" + UUID.randomUUID().toString().substring(0, 8);
        Files.createDirectories(CENTRE_INBOX);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 =
                (HEADER + row(batch + "-U", "2026-11-20T10:00:00+08:00", "独居老人需要助餐")).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
        Files.write(CENTRE_INBOX.resolve(batch + "-bom.csv"), withBom);
        Files.write(
                CENTRE_INBOX.resolve(batch + "-gbk.csv"),
                (HEADER + row(batch + "-G", "2026-11-20T10:00:00+08:00", "独居老人需要助餐")).getBytes(GBK));
        // 0x80 is not a GBK lead byte and never valid in UTF-8: neither charset reads this file.
        Files.write(CENTRE_INBOX.resolve(batch + "-neither.csv"), new byte[] {'a', ',', 'b', '\n', (byte) 0x80, '\n'});

        Path done = CENTRE_INBOX.resolve("done");
        Path failed = CENTRE_INBOX.resolve("failed");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.exists(done.resolve(batch + "-bom.csv.result.json"))
                        && Files.exists(done.resolve(batch + "-gbk.csv.result.json"))
                        && Files.exists(failed.resolve(batch + "-neither.csv.result.json")));

        assertThat(JSON.readTree(done.resolve(batch + "-bom.csv.result.json").toFile())
                        .get("created")
                        .asInt())
                .isEqualTo(1);
        assertThat(JSON.readTree(done.resolve(batch + "-gbk.csv.result.json").toFile())
                        .get("created")
                        .asInt())
                .isEqualTo(1);
        JsonNode neither =
                JSON.readTree(failed.resolve(batch + "-neither.csv.result.json").toFile());
        assertThat(neither.get("status").asText()).isEqualTo("REJECTED");
        assertThat(neither.at("/errors/0/field").asText()).isEqualTo("(file)");
        assertThat(neither.at("/errors/0/message").asText()).contains("UTF-8", "GBK");
        assertThat(jdbc.queryForObject(
                        "SELECT subject->>'name' FROM service_request WHERE external_id = ?",
                        String.class,
                        batch + "-G"))
                .isEqualTo("测试姓名甲");
        assertThat(stored(batch)).isEqualTo(2);
    }

    /**
     * An office's return reason that a spreadsheet would run as a formula reaches the SLA report's CSV as text: the
     * file parses back with the cell quoted. A day and a district no other test uses.
     */
    @Test
    void aReturnReasonThatLooksLikeAFormulaIsTextInTheReportCsv() throws Exception {
        String day = "2024-07-01"; // a Monday
        String wusong = "310113007";
        String formula = "=HYPERLINK(\"http://example.invalid\",\"open\")";
        Tickets tickets = new Tickets(gateway());
        CLOCK.set(OffsetDateTime.parse(day + "T10:00:00+08:00").toInstant());
        String ticketNo = tickets.newCallResponse(wusong, false, day + "T09:58:00+08:00")
                .json()
                .get("ticketNo")
                .asText();
        CLOCK.set(OffsetDateTime.parse(day + "T10:30:00+08:00").toInstant());
        assertThat(tickets.event(ticketNo, "RETURN", Map.of("office", wusong, "reason", formula, "reasonCode", "OTHER"))
                        .status())
                .isEqualTo(201);

        HttpResponse<byte[]> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reports/sla?from=" + day
                                        + "&to=" + day + "&groupBy=town&district=310113&format=csv"))
                                .header(
                                        "Authorization",
                                        hotline.gateway.support.GatewayClient.defaultCredentials(
                                                "GET", "/api/v1/reports/sla"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String[]> rows = new ArrayList<>();
        byte[] body = csv.body();
        try (var reader = new CsvMapper()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class)
                .<String[]>readValues(Arrays.copyOfRange(body, 3, body.length))) {
            reader.forEachRemaining(rows::add);
        }
        int reasons = Arrays.asList(rows.get(0)).indexOf("returnReasons");
        String[] town =
                rows.stream().filter(row -> row[0].equals(wusong)).findFirst().orElseThrow();
        // Returns are counted by their code: the office's words, formula or not, never reach the report.
        assertThat(town[reasons]).isEqualTo("OTHER: 1");
        for (String[] row : rows) {
            for (String cell : row) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
            }
        }
    }
}
