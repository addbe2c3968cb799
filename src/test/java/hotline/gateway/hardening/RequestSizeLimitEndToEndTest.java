package hotline.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.RawHttp;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The body limits hold while the body is read: a chunked upload without a Content-Length is cut off at the limit
 * plus one byte with 413, for every endpoint, and the gateway's memory does not grow with what the client sends.
 */
class RequestSizeLimitEndToEndTest extends GatewayIntegrationTest {

    private static final long HUNDRED_MIB = 100L * 1024 * 1024;

    @Autowired
    JdbcTemplate jdbc;

    /** A chunked body of the given size, made as it is sent (an InputStream that never holds it). */
    private RawHttp.Response postChunked(String method, String path, String contentType, long size) {
        return RawHttp.send(
                port,
                new RawHttp.Request(
                        method,
                        path,
                        Map.of("Content-Type", contentType),
                        RawHttp.Body.chunked(() -> RawHttp.generated(size, (byte) 'a'))));
    }

    /** Bytes allocated on the heap by every thread of this JVM (the gateway's and this test's) so far. */
    /**
     * What the threads that serve HTTP (Tomcat's http-nio-* workers, which read the bodies) have allocated: the
     * gateway's background work (the broker's metrics poll, the SLA sweep) allocates beside them and is not counted.
     */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("http-nio-")) {
                total += Math.max(threads.getThreadAllocatedBytes(info.getThreadId()), 0);
            }
        }
        return total;
    }

    /** The most the old generation (where large arrays go) has held since its peak was last reset. */
    private static long oldGenerationPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP
                    && !pool.getName().toLowerCase().contains("eden")
                    && !pool.getName().toLowerCase().contains("survivor")) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private int storedRequests() {
        return jdbc.queryForObject("SELECT count(*) FROM service_request", Integer.class);
    }

    @Test
    void aHundredMebibyteChunkedCallIsRefusedAt64KiBWithoutBeingHeld() {
        int before = storedRequests();
        postChunked("POST", "/api/v1/calls", "application/json", 1024); // warm the path up
        System.gc();
        resetPeaks();
        long oldBefore = oldGenerationPeak();
        long allocatedBefore = allocatedBytes();
        long started = System.nanoTime();

        RawHttp.Response response = postChunked("POST", "/api/v1/calls", "application/json", HUNDRED_MIB);

        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocated = allocatedBytes() - allocatedBefore;
        long oldGrowth = oldGenerationPeak() - oldBefore;
        System.out.printf(
                "100 MiB chunked call: %d in %d ms; allocated by the HTTP threads %.1f MiB; old generation peak grew"
                        + " %.1f MiB%n",
                response.status(), millis, allocated / 1048576.0, oldGrowth / 1048576.0);
        assertThat(response.status()).as(response.text()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("(body)");
        assertThat(response.json().get("detail").asText()).contains("65536");
        // Reading the whole body would allocate at least its 100 MiB; the gateway reads 64 KiB and a few MiB that
        // Tomcat drains before it closes the connection.
        assertThat(allocated).isLessThan(HUNDRED_MIB / 5);
        assertThat(oldGrowth).isLessThan(HUNDRED_MIB / 5);
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void aChunkedBatchIsRefusedAt32MiB() {
        int before = storedRequests();
        long allocatedBefore = allocatedBytes();

        RawHttp.Response response = postChunked("POST", "/api/v1/reports/batch", "text/csv", HUNDRED_MIB);

        long allocated = allocatedBytes() - allocatedBefore;
        System.out.printf(
                "100 MiB chunked batch: %d; allocated by the HTTP threads %.1f MiB%n",
                response.status(), allocated / 1048576.0);
        assertThat(response.status()).as(response.text()).isEqualTo(413);
        assertThat(response.json().get("detail").asText()).contains("33554432");
        // At most the 32 MiB limit is read (in growing buffers), never the 100 MiB sent.
        assertThat(allocated).isLessThan(HUNDRED_MIB);
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void everyEndpointCapsAChunkedBody() {
        String[][] endpoints = {
            {"POST", "/api/v1/reports", "application/json"},
            {"POST", "/api/v1/assessments", "application/json"},
            {"POST", "/api/v1/tickets/20261201-0000001/events", "application/json"},
            {"GET", "/api/v1/criteria", "application/json"},
            {"GET", "/api/v1/tickets/20261201-0000001", "application/json"},
            {"GET", "/api/v1/reports/sla", "text/plain"},
            {"GET", "/api/v1/nothing-here", "text/plain"},
        };
        for (String[] endpoint : endpoints) {
            RawHttp.Response response = postChunked(endpoint[0], endpoint[1], endpoint[2], 8L * 1024 * 1024);
            assertThat(response.status()).as(endpoint[0] + " " + endpoint[1]).isEqualTo(413);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() {
        RawHttp.Response response = RawHttp.send(
                port,
                new RawHttp.Request(
                        "POST",
                        "/api/v1/calls",
                        Map.of("Content-Type", "application/json"),
                        new RawHttp.Body(() -> RawHttp.generated(HUNDRED_MIB, (byte) ' '), HUNDRED_MIB)));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.headers().get("connection")).isEqualTo("close");
    }
}
