package hotline.gateway.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The hotline system posting calls to the gateways behind a load balancer: call i goes to gateway i mod 2 while that
 * one is up, else to the other. A call whose connection fails or that is answered 503 is sent again, the same body
 * under the same call id, to whichever gateway is up (as the hotline system retries a timeout): the gateway answers
 * 201 if the first attempt left nothing, 200 with the same ticket if it had committed.
 */
final class CallLoad {

    /** Where a call is meant to go; the test's broker users read these queues. */
    enum Route {
        /** Explicit town code of 天平路街道 (Xuhui): tickets.310104003. */
        TOWN_310104003,
        /** Explicit town code of a Huangpu town: tickets.310101002. */
        TOWN_310101002,
        /** District only: Xuhui's dispatch desk, triage.310104. */
        DISTRICT_310104,
        /** No location: the city desk, triage.city. */
        CITY
    }

    /** The final answer to one call. */
    record Result(String callId, int status, String ticketNo, int attempts) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT = "来电人反映父亲82岁独居，最近行动不便，一日三餐成问题，希望街道安排助餐和上门探访。";
    private static final int MAX_ATTEMPTS = 240;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final List<GatewayProcess> gateways;
    private final String apiKey;
    private final String runId;
    private final Map<String, Result> results = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();

    CallLoad(List<GatewayProcess> gateways, String apiKey, String runId) {
        this.gateways = gateways;
        this.apiKey = apiKey;
        this.runId = runId;
    }

    static Route route(int i) {
        return Route.values()[i % 4];
    }

    /** One call in twenty, all at 天平路街道, is urgent (the test's SLA policy gives them a one-minute sign target). */
    static boolean urgent(int i) {
        return i % 20 == 0;
    }

    String callId(int i) {
        return "CL-" + runId + "-" + i;
    }

    /** Posts calls 0..count-1 from {@code clients} threads; after each answered call, tells {@code progress} the total. */
    void post(int count, int clients, IntConsumer progress) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    Result result = postOne(i);
                    results.put(result.callId(), result);
                    progress.accept(done.incrementAndGet());
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("calls still being posted after 30 minutes");
        }
    }

    Map<String, Result> results() {
        return Map.copyOf(results);
    }

    /** Attempts beyond the first: connections that failed or 503s, sent again. */
    int retried() {
        return retried.get();
    }

    private Result postOne(int i) {
        String callId = callId(i);
        String body = body(i);
        int lastStatus = 0;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            GatewayProcess gateway = pick(i + attempt - 1);
            if (gateway == null) {
                pause(250);
                continue;
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/calls"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("X-Api-Key", apiKey)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                lastStatus = response.statusCode();
                if (lastStatus == 201 || lastStatus == 200) {
                    String ticketNo =
                            JSON.readTree(response.body()).path("ticketNo").asText(null);
                    return new Result(callId, lastStatus, ticketNo, attempt);
                }
                if (lastStatus != 503) {
                    return new Result(callId, lastStatus, null, attempt);
                }
            } catch (IOException e) {
                // the gateway went away (killed) or is not there yet: send again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(callId, -1, null, attempt);
            }
            retried.incrementAndGet();
            pause(100);
        }
        return new Result(callId, lastStatus, null, MAX_ATTEMPTS);
    }

    /** Gateway n mod 2 if it is up, else the other if that one is, else none. */
    private GatewayProcess pick(int n) {
        GatewayProcess first = gateways.get(n % gateways.size());
        if (first.up()) {
            return first;
        }
        return gateways.stream().filter(GatewayProcess::up).findFirst().orElse(null);
    }

    private String body(int i) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("callId", callId(i));
        call.put(
                "receivedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        call.put("channel", "PHONE");
        call.put("caller", Map.of("name", "张三", "phone", "13800138000"));
        switch (route(i)) {
            case TOWN_310104003 -> call.put("location", Map.of("townCode", "310104003"));
            case TOWN_310101002 -> call.put("location", Map.of("townCode", "310101002"));
            case DISTRICT_310104 -> call.put("location", Map.of("district", "310104"));
            case CITY -> {}
        }
        call.put("content", CONTENT);
        call.put("urgent", urgent(i));
        call.put("operatorId", "op-" + (i % 50));
        call.put("household", Map.of("size", 1, "monthlyIncome", 1200, "members", List.of(Map.of("age", 82))));
        try {
            return JSON.writeValueAsString(call);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
