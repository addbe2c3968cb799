package hotline.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A corpus of bad requests (src/test/resources/hardening/bad-requests.jsonl, one case a line: method, path, content
 * type, a body or the name of a body generator, who sends it, the expected status and field) across every endpoint
 * of routes/rest-api.yaml and paths and methods it does not have. Each is refused with its 4xx status as
 * problem+json naming the field, nothing is stored, and nothing personal the corpus sends reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputCorpusEndToEndTest extends GatewayIntegrationTest {

    private static final Path CORPUS = Path.of("src/test/resources/hardening/bad-requests.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The corpus's fake personal data: a name, a phone number, resident ID numbers and an address. */
    private static final List<String> PERSONAL_DATA =
            List.of("测试姓名甲", "13912345678", "110101199003074514", "110101199003074512", "某某路999弄");

    /** Who a case is sent as: broker users (config/artemis), or one the broker does not know. */
    private static final Map<String, String[]> USERS = Map.of(
            "office", new String[] {"office-310104003", "office-local"},
            "gateway", new String[] {"gateway", "gateway-local"},
            "unknown-user", new String[] {"nobody-we-know", "wrong"});

    @Autowired
    JdbcTemplate jdbc;

    record Case(
            String id,
            String method,
            String path,
            String contentType,
            JsonNode body,
            String text,
            String base64,
            String generator,
            String as,
            Map<String, String> headers,
            int status,
            String field) {

        static Case of(JsonNode line) {
            Map<String, String> headers = new LinkedHashMap<>();
            line.path("headers")
                    .fields()
                    .forEachRemaining(header ->
                            headers.put(header.getKey(), header.getValue().asText()));
            return new Case(
                    line.get("id").asText(),
                    line.get("method").asText(),
                    line.get("path").asText(),
                    text(line, "contentType"),
                    line.get("body"),
                    text(line, "text"),
                    text(line, "base64"),
                    text(line, "generator"),
                    text(line, "as"),
                    headers,
                    line.get("status").asInt(),
                    text(line, "field"));
        }

        private static String text(JsonNode line, String name) {
            JsonNode value = line.get(name);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    static List<Case> corpus() {
        try {
            List<Case> cases = new ArrayList<>();
            for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    cases.add(Case.of(JSON.readTree(line)));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The one place a request is built and sent: its credentials, headers and body. Sent over a plain socket, so that
     * malformed paths, oversized headers and chunked bodies go out exactly as written.
     */
    private RawHttp.Response send(Case c) {
        Map<String, String> headers = new LinkedHashMap<>(c.headers());
        if (c.as() == null && !headers.containsKey("Authorization")) {
            // The client that would send this request, so that each case reaches the check it is about.
            String credentials = GatewayClient.defaultCredentials(c.method(), c.path());
            if (credentials != null) {
                headers.put("Authorization", credentials);
            }
        } else if (c.as() != null) {
            String[] user = USERS.get(c.as());
            headers.put(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user[0] + ":" + user[1]).getBytes(StandardCharsets.UTF_8)));
        }
        if (c.contentType() != null) {
            headers.put("Content-Type", c.contentType());
        }
        RawHttp.Body body = null;
        try {
            if (c.body() != null) {
                body = RawHttp.Body.of(JSON.writeValueAsBytes(c.body()));
            } else if (c.text() != null) {
                body = RawHttp.Body.of(c.text().getBytes(StandardCharsets.UTF_8));
            } else if (c.base64() != null) {
                body = RawHttp.Body.of(Base64.getDecoder().decode(c.base64()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (c.generator() != null) {
            switch (c.generator()) {
                case "json-over-64KiB" -> body = RawHttp.Body.of(oversizedJson());
                case "json-over-64KiB-chunked" ->
                    body = RawHttp.Body.chunked(() -> new ByteArrayInputStream(oversizedJson()));
                case "call-content-4001-chars" -> body = RawHttp.Body.of(callWithContent("长".repeat(4001)));
                case "csv-10001-rows" -> body = RawHttp.Body.of(csvRows(10_001));
                case "csv-over-32MiB" -> body = new RawHttp.Body(csv(33L << 20), 33L << 20);
                case "csv-over-32MiB-chunked" -> body = RawHttp.Body.chunked(csv(33L << 20));
                case "chunked-1MiB" -> body = RawHttp.Body.chunked(() -> RawHttp.generated(1L << 20, (byte) ' '));
                case "headers-over-limit" -> headers.put("X-Padding", "a".repeat(16 * 1024));
                default -> throw new IllegalArgumentException("no generator " + c.generator());
            }
        }
        return RawHttp.send(port, new RawHttp.Request(c.method(), c.path(), headers, body));
    }

    private static byte[] oversizedJson() {
        return ("{\"callId\": \"CORPUS-BIG\", \"receivedAt\": \"2026-11-28T09:15:00+08:00\", \"content\": "
                        + "\"测试姓名甲住某某路999弄\", \"padding\": \"" + "x".repeat(70 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] callWithContent(String content) {
        return ("{\"callId\": \"CORPUS-LONG\", \"receivedAt\": \"2026-11-28T09:15:00+08:00\", \"content\": \"" + content
                        + "\", \"caller\": {\"name\": \"测试姓名甲\", \"phone\": \"13912345678\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] csvRows(int rows) {
        StringBuilder csv = new StringBuilder("reportId,centreId,reportedAt,subject.name,location.address,content\n");
        for (int i = 0; i < rows; i++) {
            csv.append("CORPUS-MANY-").append(i).append(",CAC-1,2026-11-20T10:00:00+08:00,测试姓名甲,某某路999弄,独居老人需要助餐\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV body of the given size, made as it is sent. */
    private static Supplier<InputStream> csv(long size) {
        byte[] header = "reportId,content\n".getBytes(StandardCharsets.UTF_8);
        return () -> new SequenceInputStream(
                new ByteArrayInputStream(header), RawHttp.generated(size - header.length, (byte) 'a'));
    }

    /** Rows of the tables a request could write to: requests, tickets, their events and the outbox. */
    private List<Long> stored() {
        return jdbc.queryForList(
                "SELECT (SELECT count(*) FROM service_request) UNION ALL SELECT (SELECT count(*) FROM ticket)"
                        + " UNION ALL SELECT (SELECT count(*) FROM ticket_event)"
                        + " UNION ALL SELECT (SELECT count(*) FROM outbox)",
                Long.class);
    }

    /** What is wrong with the answer to a case, or null. */
    private String problemWith(Case c, RawHttp.Response response, List<Long> before, List<Long> after) {
        // Wrong credentials are 401 until the address has failed too often; then the limit answers 429 first.
        boolean limited = c.status() == 401 && response.status() == 429;
        int expected = limited ? 429 : c.status();
        if (response.status() != expected) {
            return "status " + response.status() + ", expected " + c.status() + ": " + response.text();
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return "Content-Type " + response.contentType() + ": " + response.text();
        }
        JsonNode problem;
        try {
            problem = response.json();
        } catch (UncheckedIOException e) {
            return "not JSON: " + response.text();
        }
        if (problem.path("status").asInt() != expected
                || !problem.path("type").asText().startsWith("/problems/")
                || problem.path("title").asText().isBlank()) {
            return "not a problem of status " + expected + ": " + response.text();
        }
        if (c.field() != null
                && !problem.path("errors").findValuesAsText("field").contains(c.field())) {
            return "field " + c.field() + " not named: " + response.text();
        }
        for (String leak : List.of("Exception", "\tat ", "hotline.gateway", "<html", "org.apache")) {
            if (response.text().contains(leak)) {
                return "answer shows " + leak + ": " + response.text();
            }
        }
        if (!before.equals(after)) {
            return "stored something: rows " + before + " became " + after;
        }
        return null;
    }

    @Test
    void theCorpusHasAtLeast300BadRequestsAcrossEveryEndpoint() {
        List<Case> cases = corpus();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
        assertThat(cases).extracting(Case::id).doesNotHaveDuplicates();
        assertThat(cases).allSatisfy(c -> assertThat(c.status()).isBetween(400, 499));
        Set<String> endpoints = new TreeSet<>();
        for (Case c : cases) {
            String path = c.path().replaceAll("\\?.*", "");
            if (path.matches("/api/v1/tickets/[0-9-]+/events")) {
                endpoints.add("tickets/{no}/events");
            } else if (path.matches("/api/v1/tickets/[0-9-]+")) {
                endpoints.add("tickets/{no}");
            } else if (path.matches("/api/v1/offices/[0-9]+/tickets")) {
                endpoints.add("offices/{code}/tickets");
            } else if (c.status() == 404 || c.status() == 405 || c.id().startsWith("malformed")) {
                endpoints.add("unknown path or method");
            } else {
                endpoints.add(path.replace("/api/v1/", ""));
            }
        }
        assertThat(endpoints)
                .contains(
                        "calls",
                        "reports",
                        "reports/batch",
                        "tickets/{no}",
                        "tickets/{no}/events",
                        "offices/{code}/tickets",
                        "criteria",
                        "assessments",
                        "reports/sla",
                        "reports/overdue",
                        "unknown path or method");
    }

    @Test
    void everyBadRequestIsRefusedAsProblemJsonNamingItsFieldWithNothingStored() {
        List<String> failures = new ArrayList<>();
        for (Case c : corpus()) {
            List<Long> before = stored();
            RawHttp.Response response = send(c);
            String problem = problemWith(c, response, before, stored());
            if (problem != null) {
                failures.add(c.id() + ": " + problem);
            }
        }
        assertThat(failures).as(failures.size() + " cases failed").isEmpty();
    }

    @Test
    void noNamePhoneIdOrAddressTheCorpusSendsReachesTheLog(CapturedOutput output) {
        for (Case c : corpus()) {
            send(c);
        }
        String log = output.getAll();
        // The capture saw the gateway's own log lines while the corpus ran (a wrong method is logged, without data).
        assertThat(log).contains("HttpRequestMethodNotSupportedException");
        assertThat(log).doesNotContain(PERSONAL_DATA.toArray(String[]::new));
    }
}
