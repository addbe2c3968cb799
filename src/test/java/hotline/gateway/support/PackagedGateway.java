package hotline.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The packaged jar in a JVM of its own, as a deployment runs it: finding it, a free port, waiting for it. */
public final class PackagedGateway {

    private PackagedGateway() {}

    /** The jar Maven packaged before the end-to-end tests: what the image runs, with its runtime classpath only. */
    public static Path jar() {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("hotline-gateway-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/hotline-gateway-*.jar: run mvn verify"))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code gateway} answers its readiness probe with 200; fails if it exits first or takes too long. */
    public static void awaitReady(GatewayClient client, Process gateway, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(gateway.isAlive())
                    .as("the gateway exited while starting")
                    .isTrue();
            try {
                if (client.anonymous().get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the gateway was not ready within " + timeout);
    }
}
