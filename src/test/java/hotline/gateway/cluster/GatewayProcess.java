package hotline.gateway.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One gateway instance: the packaged jar in a JVM of its own, started in the project directory (so it reads
 * config/ as a deployment does) with the environment a production instance gets, and killed with SIGKILL when the
 * test says so. Each start writes its console to a log file of its own.
 */
final class GatewayProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final Path projectDir;
    private final Path logDir;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private Process process;
    private Path log;
    private int starts;
    private volatile boolean up;

    GatewayProcess(
            String name,
            Path jar,
            Path projectDir,
            Path logDir,
            int port,
            int managementPort,
            Map<String, String> environment) {
        this.name = name;
        this.jar = jar;
        this.projectDir = projectDir;
        this.logDir = logDir;
        this.port = port;
        this.managementPort = managementPort;
        this.environment = Map.copyOf(environment);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** Whether the test sends calls here: true from ready until just before a kill. */
    boolean up() {
        return up;
    }

    synchronized void start() {
        starts++;
        log = logDir.resolve(name + "-" + starts + ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx1g", "-XX:+UseSerialGC", "-jar", jar.toString())
                .directory(projectDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        // Whatever port the actuator defaults to, two instances on one host need one each.
        builder.environment().put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
        builder.environment().put("INBOX_DIR", logDir.resolve(name + "-inbox").toString());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the instance answers its readiness probe with 200 (database reachable, routes started). */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited:\n" + BrokerNode.tail(logText()));
            }
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    up = true;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + BrokerNode.tail(logText()));
    }

    /** kill -9: in-flight requests and open transactions die with it. */
    synchronized void kill() {
        up = false;
        process.destroyForcibly();
        waitFor();
    }

    synchronized void stop() {
        up = false;
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor()) {
                process.destroyForcibly();
            }
        }
    }

    String logText() {
        try {
            return log == null || !Files.exists(log) ? "" : Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean waitFor() {
        try {
            return process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
