package hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.LocalClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reports as files (CSV), the overdue list, and bad parameters refused with the parameter named. */
class ReportApiEndToEndTest extends ReportFixtureEndToEndTest {

    private HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", GatewayClient.basic(LocalClients.MANAGER, LocalClients.MANAGER_KEY))
                .GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<List<String>> parseCsv(byte[] body) throws IOException {
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> lines =
                csv.readerFor(String[].class).readValues(Arrays.copyOfRange(body, 3, body.length))) {
            lines.forEachRemaining(line -> rows.add(List.of(line)));
        }
        return rows;
    }

    @Test
    void csvHasAByteOrderMarkQuotesNamesAndParsesBack() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/reports/sla?" + PERIOD + "&format=csv", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("sla-town-2025-03-01-2025-03-31.csv");
        byte[] body = response.body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, StandardCharsets.UTF_8);
        // RFC 4180: a field with a comma or quotes is quoted, its quotes doubled; lines end in CRLF.
        assertThat(text).contains("\"外滩街道, \"\"滨江\"\"试点\"").contains("\r\n");

        List<List<String>> rows = parseCsv(body);
        List<String> header = rows.get(0);
        assertThat(header).startsWith("key", "name", "level", "district", "received", "dispatched");
        assertThat(rows).hasSize(1 + 6 + 1); // header, six offices, total
        List<String> bund = rows.stream()
                .filter(row -> row.get(0).equals("310101013"))
                .findFirst()
                .orElseThrow();
        assertThat(bund.get(1)).isEqualTo(SlaFixture.BUND.name());
        assertThat(bund.get(header.indexOf("resolvedOnTimeRate"))).isEqualTo("66.7");
        List<String> hunan = rows.stream()
                .filter(row -> row.get(0).equals("310104004"))
                .findFirst()
                .orElseThrow();
        assertThat(hunan.get(header.indexOf("returnReasons"))).isEqualTo("NOT_OUR_JURISDICTION: 1; WRONG_ADDRESS: 1");
        assertThat(text).doesNotContain("不属本街道管辖", "地址有误", "136-0000");
        assertThat(hunan.get(header.indexOf("satisfactionRate"))).isEmpty(); // null: no callback
        List<String> total = rows.get(rows.size() - 1);
        assertThat(total.get(0)).isEqualTo("total");
        assertThat(total.get(header.indexOf("received"))).isEqualTo("10");
        assertThat(total.get(header.indexOf("satisfactionRate"))).isEqualTo("71.4");
    }

    @Test
    void csvHeaderLabelsFollowLangAndEveryRowCarriesThePeriod() throws Exception {
        List<List<String>> keys = SpreadsheetCsv.read(
                get("/api/v1/reports/sla?" + PERIOD + "&format=csv", null).body());
        List<List<String>> zh = SpreadsheetCsv.read(get("/api/v1/reports/sla?" + PERIOD + "&format=csv&lang=zh", null)
                .body());
        List<List<String>> en = SpreadsheetCsv.read(
                get("/api/v1/reports/sla?" + PERIOD + "&lang=en", "text/csv").body());
        assertThat(keys.get(0))
                .contains("signedOnTimeRate", "resolveHoursMedian")
                .endsWith("from", "to");
        assertThat(zh.get(0))
                .startsWith("编码", "名称")
                .contains("签收及时率(%)", "办结用时中位数(工作小时)")
                .endsWith("统计起始日", "统计截止日");
        assertThat(en.get(0))
                .startsWith("code", "name")
                .contains("on-time sign rate (%)", "resolution time median (working hours)")
                .endsWith("period from", "period to");
        // The same figures under each header: 天平路 signed 3 of 4 on time, 75 per cent, written 75.0 under "(%)".
        for (List<List<String>> file : List.of(keys, zh, en)) {
            assertThat(file).hasSize(1 + 6 + 1);
            assertThat(file.get(0)).hasSize(keys.get(0).size());
            for (List<String> row : file.subList(1, file.size())) {
                assertThat(row.subList(row.size() - 2, row.size())).containsExactly(SlaFixture.FROM, SlaFixture.TO);
            }
            List<String> tianping = file.stream()
                    .filter(row -> row.get(0).equals("310104003"))
                    .findFirst()
                    .orElseThrow();
            assertThat(tianping.get(keys.get(0).indexOf("signedOnTimeRate"))).isEqualTo("75.0");
            assertThat(file.get(file.size() - 1).get(0)).isEqualTo("total");
        }
        assertThat(en.stream().map(row -> row.get(1)).toList()).contains(SlaFixture.BUND.name());
    }

    @Test
    void anUnknownLangIsRefusedAndNamed() {
        Response problem = gateway().get("/api/v1/reports/sla?" + PERIOD + "&format=csv&lang=fr");
        assertThat(badFields(problem)).containsExactly("lang");
        assertThat(problem.json().get("detail").asText()).contains("keys, zh, en");
    }

    @Test
    void acceptTextCsvAsksForCsvToo() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/reports/sla?" + PERIOD + "&groupBy=district", "text/csv");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<List<String>> rows = parseCsv(response.body());
        assertThat(rows.stream().map(row -> row.get(1)).toList()).contains("徐汇区", "黄浦区", "市级");
        assertThat(get("/api/v1/reports/sla?" + PERIOD, "application/json")
                        .headers()
                        .firstValue("Content-Type")
                        .orElseThrow())
                .startsWith("application/json");
    }

    @Test
    void overdueTicketsComeOldestDeadlineFirstWithOfficeTargetAndDeadline() {
        Response page = gateway().get("/api/v1/reports/overdue?district=310101&size=2");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        JsonNode overdue = page.json();
        assertThat(overdue.get("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode first = overdue.get("items").get(0);
        // K7: signed, contact due 2025-03-12 09:00 (+08:00) and resolution due 03-18 missed, neither swept yet.
        assertThat(first.get("ticketNo").asText()).isEqualTo("SLA-K7");
        assertThat(first.at("/office/code").asText()).isEqualTo("310101002");
        assertThat(first.at("/office/name").asText()).isEqualTo("南京东路街道");
        assertThat(first.get("target").asText()).isEqualTo("CONTACT");
        assertThat(first.get("deadline").asText()).isEqualTo("2025-03-12T01:00:00Z");
        assertThat(first.get("breachedAt")).isNull();
        assertThat(first.get("overdueTargets").toString()).isEqualTo("[\"CONTACT\",\"RESOLVE\"]");
        // K12: nothing done, sign-for due 2025-04-01 11:00.
        JsonNode second = overdue.get("items").get(1);
        assertThat(second.get("ticketNo").asText()).isEqualTo("SLA-K12");
        assertThat(second.get("target").asText()).isEqualTo("SIGN");
    }

    @Test
    void theOverdueListIsPagedAcrossDistrictsAndDesks() {
        JsonNode first = gateway().get("/api/v1/reports/overdue?size=2").json();
        JsonNode second = gateway().get("/api/v1/reports/overdue?size=2&page=2").json();
        // Deadlines: K5 desk 03-10 11:00 (breached), K7 03-12 09:00, K3 reopened 03-26 17:00 (breached), K12 04-01.
        assertThat(first.get("items").findValuesAsText("ticketNo")).containsExactly("SLA-K5", "SLA-K7");
        assertThat(second.get("items").findValuesAsText("ticketNo")).containsExactly("SLA-K3", "SLA-K12");
        JsonNode desk = first.get("items").get(0);
        assertThat(desk.at("/office/level").asText()).isEqualTo("DISTRICT_DESK");
        assertThat(desk.get("target").asText()).isEqualTo("REASSIGN");
        assertThat(desk.get("breachedAt").asText()).isEqualTo("2025-03-10T03:05:00Z");
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("total").asLong())
                .isEqualTo(first.get("total").asLong())
                .isGreaterThanOrEqualTo(4);
        assertThat(gateway()
                        .get("/api/v1/reports/overdue?size=200&page=100000")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(first.get("total").asLong());
    }

    private static List<String> badFields(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    @Test
    void badParametersAreRefusedAndNamed() {
        assertThat(badFields(gateway()
                        .get("/api/v1/reports/sla?from=2025-13-01&to=yesterday&groupBy=office"
                                + "&district=999999&format=xml")))
                .containsExactlyInAnyOrder("from", "to", "groupBy", "district", "format");
        assertThat(badFields(gateway().get("/api/v1/reports/sla?from=2025-03-31&to=2025-03-01")))
                .containsExactly("from");
        assertThat(badFields(gateway().get("/api/v1/reports/sla?from=2024-01-01&to=2025-03-01")))
                .containsExactly("to");
        assertThat(badFields(gateway().get("/api/v1/reports/sla?groupBy=town&groupBy=district")))
                .containsExactly("groupBy");
        assertThat(badFields(gateway().get("/api/v1/reports/overdue?page=0&size=1000&district=31010")))
                .containsExactlyInAnyOrder("page", "size", "district");
        Response problem = gateway().get("/api/v1/reports/sla?groupBy=office");
        assertThat(problem.json().get("detail").asText()).contains("groupBy", "town, district, need, day");
    }
}
