package hotline.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark, not a test: the whole path of a call, from the hotline system's POST to the office that reads the
 * ticket from its queue, against a running gateway (bench/end-to-end.sh starts the packaged jar with its embedded
 * PostgreSQL and Artemis), and beside it the raw ceiling of the same durable work on the same servers.
 *
 * <p>One run prints: accepted calls/s under sustained load with HTTP latency p50/p99/p99.9 and the time from the 201
 * to the office's receipt (p50/p99); the latency at a fixed 100 calls/s, all calls and by what the semantic stage did
 * with them; throughput and latency with 1, 4, 16 and 64 connections; the ceiling (the same inserts in one
 * transaction plus one persistent send, no gateway code) and the ratio of the sustained rate to it; and the same
 * durable work at a fixed 100/s, whose times are the floor under the gateway's at that rate.
 *
 * <p>Settings (system properties): {@code base} (http://127.0.0.1:8080), {@code dbPort}, {@code brokerUrl},
 * {@code warmUpSeconds} (90: on two cores the JIT compiler is still busy with the intake path after 30 s of load, and
 * a gateway runs for days), {@code seconds} (60, the sustained phase), {@code stepSeconds} (15, each concurrency
 * step), {@code connections} (16), {@code apiKey}.
 */
public final class EndToEndBenchmark {

    private static final String BASE = System.getProperty("base", "http://127.0.0.1:8080");
    private static final int SECONDS = Integer.getInteger("seconds", 60);
    private static final int STEP_SECONDS = Integer.getInteger("stepSeconds", 15);
    private static final int CONNECTIONS = Integer.getInteger("connections", 16);
    private static final int WARM_UP_SECONDS = Integer.getInteger("warmUpSeconds", 90);
    private static final String API_KEY = System.getProperty("apiKey", "local-only-hotline-key");

    private final BenchCalls calls;
    private final OfficeConsumers offices;
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    private EndToEndBenchmark(BenchCalls calls, OfficeConsumers offices) {
        this.calls = calls;
        this.offices = offices;
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("project", "."));
        BenchCalls calls = BenchCalls.load(project, System.getProperty("mix", "samples"));
        String brokerUrl = System.getProperty("brokerUrl", "tcp://127.0.0.1:61616");
        try (OfficeConsumers offices = OfficeConsumers.start(brokerUrl, calls.queues())) {
            EndToEndBenchmark bench = new EndToEndBenchmark(calls, offices);
            bench.run(brokerUrl, Integer.getInteger("dbPort", 0));
        }
    }

    private void run(String brokerUrl, int dbPort) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "calls: %d records of the %s mix (zh, en, mixed; every need), %d offices' queues consumed%n",
                calls.size(),
                calls.mix(),
                calls.queues().size());
        if (dbPort > 0) {
            awaitSemanticModel(dbPort);
        }
        closedLoop("warm-up", 8, WARM_UP_SECONDS);
        waitForDelivery(null);

        Phase sustained = closedLoop("sustained", CONNECTIONS, SECONDS);
        Delivery delivery = waitForDelivery(sustained);
        Phase fixed = fixedRate(100, Math.max(20, SECONDS / 2));
        List<Phase> steps = new ArrayList<>();
        for (int connections : new int[] {1, 4, 16, 64}) {
            steps.add(closedLoop(connections + " connections", connections, STEP_SECONDS));
        }
        waitForDelivery(null);

        DurableCeiling durable = dbPort > 0 ? new DurableCeiling(dbPort, brokerUrl) : null;
        double ceiling = durable != null ? durable.measure(CONNECTIONS, Math.max(20, SECONDS / 2)) : Double.NaN;
        DurableCeiling.FixedRate floor = durable != null ? durable.atFixedRate(100, Math.max(20, SECONDS / 2)) : null;

        System.out.println();
        System.out.println("== end-to-end benchmark ==");
        System.out.printf(
                Locale.ROOT,
                "sustained, %d connections, %d s: %.0f calls/s accepted (%d accepted, %d other answers)%n",
                CONNECTIONS,
                SECONDS,
                sustained.rate(),
                sustained.accepted(),
                sustained.failed());
        System.out.printf(
                Locale.ROOT,
                "  HTTP latency p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms%n",
                sustained.latency().all().percentile(50),
                sustained.latency().all().percentile(99),
                sustained.latency().all().percentile(99.9));
        System.out.printf(
                Locale.ROOT,
                "  delivered to offices: %d of %d accepted (%.0f calls/s accepted and delivered); 201 -> office p50 %.1f"
                        + " ms, p99 %.1f ms%n",
                delivery.delivered(),
                sustained.accepted(),
                delivery.delivered() / sustained.seconds(),
                delivery.latency().percentile(50),
                delivery.latency().percentile(99));
        System.out.printf(
                Locale.ROOT,
                "fixed 100 calls/s for %.0f s: %.0f calls/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms%n",
                fixed.seconds(),
                fixed.rate(),
                fixed.latency().all().percentile(50),
                fixed.latency().all().percentile(99),
                fixed.latency().all().percentile(99.9));
        fixed.latency()
                .bySemantic()
                .forEach((semantic, times) -> System.out.printf(
                        Locale.ROOT,
                        "  semantic stage %-12s %5d calls, p50 %.1f ms, p99 %.1f ms%n",
                        semantic,
                        times.count(),
                        times.percentile(50),
                        times.percentile(99)));
        for (Phase step : steps) {
            System.out.printf(
                    Locale.ROOT,
                    "%-15s %6.0f calls/s, p50 %6.1f ms, p99 %6.1f ms, p99.9 %6.1f ms%n",
                    step.name(),
                    step.rate(),
                    step.latency().all().percentile(50),
                    step.latency().all().percentile(99),
                    step.latency().all().percentile(99.9));
        }
        System.out.printf(
                Locale.ROOT,
                "ceiling, %d connections: %.0f transactions/s (the intake's inserts in one transaction + one persistent"
                        + " send, on the same PostgreSQL and broker)%n",
                CONNECTIONS,
                ceiling);
        System.out.printf(Locale.ROOT, "ratio sustained / ceiling: %.2f%n", sustained.rate() / ceiling);
        if (floor != null) {
            System.out.printf(
                    Locale.ROOT,
                    "the same durable work at a fixed 100/s: database transaction p50 %.1f ms, p99 %.1f ms, p99.9 %.1f"
                            + " ms (what a 201 waits for); with the broker's commit p50 %.1f ms, p99 %.1f ms%n",
                    floor.database().percentile(50),
                    floor.database().percentile(99),
                    floor.database().percentile(99.9),
                    floor.whole().percentile(50),
                    floor.whole().percentile(99));
        }
    }

    /**
     * A fresh gateway builds its first semantic model in the background (about 30 s of both cores): measuring before
     * it is active would measure that build. Waits for it (or for 5 minutes, when the stage is switched off).
     */
    private static void awaitSemanticModel(int dbPort) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres?user=postgres";
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(url)) {
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet rs =
                        db.createStatement().executeQuery("SELECT count(*) FROM classification_model WHERE active")) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        System.out.println("semantic model active");
                        return;
                    }
                }
                if (Boolean.getBoolean("semanticOff")) {
                    return;
                }
                Thread.sleep(1000);
            }
        }
        System.out.println("no active semantic model after 5 minutes: measuring without one");
    }

    /** Each connection posts its next call as soon as the last one is answered. */
    private Phase closedLoop(String name, int connections, int seconds) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AnswerTimes latency = new AnswerTimes();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            HttpClient http = client();
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    post(http, latency, accepted, failed);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d accepted in %.1f s%n", name, accepted.get(), elapsed);
        return new Phase(name, accepted.get(), failed.get(), elapsed, latency);
    }

    /** Calls sent on a schedule, not when the last one is answered, so a slow answer does not hide the next. */
    private Phase fixedRate(int perSecond, int seconds) throws InterruptedException {
        AnswerTimes latency = new AnswerTimes();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        int senders = 8;
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime() + 10_000_000L;
        long total = (long) perSecond * seconds;
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int first = s;
            HttpClient http = client();
            Thread thread = new Thread(() -> {
                for (long n = first; n < total; n += senders) {
                    long due = start + n * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    }
                    post(http, latency, accepted, failed);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "fixed %d/s: %d accepted in %.1f s%n", perSecond, accepted.get(), elapsed);
        return new Phase("fixed", accepted.get(), failed.get(), elapsed, latency);
    }

    private void post(HttpClient http, AnswerTimes latency, AtomicLong accepted, AtomicLong failed) {
        String body = calls.next(OffsetDateTime.now(ZoneOffset.ofHours(8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/api/v1/calls"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            latency.all().add(answered - sent);
            if (response.statusCode() == 201) {
                accepted.incrementAndGet();
                JsonNode answer = json.readTree(response.body());
                acceptedAt.put(answer.path("ticketNo").asText(), answered);
                latency.add(answer.path("needs").path("semantic").asText("NONE"), answered - sent);
            } else {
                failed.incrementAndGet();
                if (failed.get() <= 3) {
                    System.out.println("answer " + response.statusCode() + ": " + response.body());
                }
            }
        } catch (Exception e) {
            failed.incrementAndGet();
        }
    }

    /** Waits until every ticket accepted so far has reached an office (or 60 s pass), then measures the phase's. */
    private Delivery waitForDelivery(Phase phase) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !offices.receivedAll(acceptedAt.keySet())) {
            Thread.sleep(200);
        }
        Latencies latency = new Latencies();
        long delivered = 0;
        for (Map.Entry<String, Long> accepted : acceptedAt.entrySet()) {
            Long received = offices.receivedAt(accepted.getKey());
            if (received != null) {
                delivered++;
                latency.add(Math.max(0, received - accepted.getValue()));
            }
        }
        if (phase != null) {
            System.out.printf(Locale.ROOT, "delivered %d of %d accepted%n", delivered, acceptedAt.size());
        }
        acceptedAt.clear();
        offices.forget();
        return new Delivery(delivered, latency);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A phase's answer times: all of them, and the 201s' by what the semantic stage did with the call. */
    static final class AnswerTimes {
        private final Latencies all = new Latencies();
        private final Map<String, Latencies> bySemantic = new ConcurrentHashMap<>();

        Latencies all() {
            return all;
        }

        void add(String semantic, long nanos) {
            bySemantic.computeIfAbsent(semantic, k -> new Latencies()).add(nanos);
        }

        Map<String, Latencies> bySemantic() {
            return new TreeMap<>(bySemantic);
        }
    }

    record Phase(String name, long accepted, long failed, double seconds, AnswerTimes latency) {
        double rate() {
            return accepted / seconds;
        }
    }

    record Delivery(long delivered, Latencies latency) {}
}
