package hotline.gateway.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One node of the broker pair: a standalone Artemis process made from the unpacked distribution by
 * config/artemis/cluster/create-instance.sh, started as the primary or the backup of the pair, and killed with
 * SIGKILL when the test says so. Each start writes its console to a log file of its own (node-1.log, node-2.log, ...).
 */
final class BrokerNode {

    private final String role;
    private final String peer;
    private final Path instance;
    private final int port;
    private final String primaryUrl;
    private final String backupUrl;
    private Process process;
    private Path log;
    private int starts;

    BrokerNode(String role, String peer, Path instance, int port, String primaryUrl, String backupUrl) {
        this.role = role;
        this.peer = peer;
        this.instance = instance;
        this.port = port;
        this.primaryUrl = primaryUrl;
        this.backupUrl = backupUrl;
    }

    /** Runs the project's script that makes the instance (artemis create, then config/artemis and its cluster files). */
    static Process create(Path projectDir, Path artemisHome, Path instance) throws IOException {
        Files.createDirectories(instance.getParent());
        return new ProcessBuilder(
                        "bash",
                        projectDir
                                .resolve("config/artemis/cluster/create-instance.sh")
                                .toString(),
                        artemisHome.toString(),
                        instance.toString())
                .redirectErrorStream(true)
                .redirectOutput(instance.getParent()
                        .resolve(instance.getFileName() + "-create.log")
                        .toFile())
                .start();
    }

    String role() {
        return role;
    }

    int port() {
        return port;
    }

    synchronized void start() {
        starts++;
        log = instance.getParent().resolve(instance.getFileName() + "-" + starts + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_ARGS", "-Xms64m -Xmx512m -XX:+UseSerialGC");
        builder.environment()
                .put(
                        "JAVA_ARGS_APPEND",
                        String.join(
                                " ",
                                "-Dhotline.cluster.role=" + role,
                                "-Dhotline.cluster.peer=" + peer,
                                "-Dhotline.cluster.primary-url=" + primaryUrl,
                                "-Dhotline.cluster.backup-url=" + backupUrl,
                                "-Dhotline.cluster.port=" + port,
                                "-Dhotline.cluster.password=cluster-test"));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kill -9: the process gets no chance to close its journal or say goodbye to its clients. */
    synchronized void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(process);
    }

    synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(process)) {
                process.destroyForcibly();
            }
        }
    }

    /** Waits until this start's log has every one of the lines (Artemis's message codes, say); fails on exit. */
    void awaitLog(Duration timeout, String... codes) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = logText();
            if (List.of(codes).stream().allMatch(text::contains)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(role + " broker exited:\n" + tail(text));
            }
            sleep(250);
        }
        throw new IllegalStateException(
                role + " broker did not log " + List.of(codes) + " within " + timeout + ":\n" + tail(logText()));
    }

    /** Whether this start's log has the line (an Artemis message code, say). */
    boolean logged(String code) {
        return logText().contains(code);
    }

    String logText() {
        try {
            return log == null || !Files.exists(log) ? "" : Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    private static boolean waitFor(Process process) {
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
