package hotline.gateway.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gateway killed with {@code kill -9} leaves its embedded PostgreSQL running on the data directory; the next start
 * stops that server cleanly and starts its own on the same data, with nothing acknowledged lost. The killed gateway
 * is a JVM of its own ({@link EmbeddedPostgresChildProcess}) that starts the server through the gateway's code with
 * the default settings, so this also checks that the defaults flush writes to disk.
 */
class EmbeddedPostgresRestartIntegrationTest {

    static final Duration CHILD_READY_WAIT = Duration.ofSeconds(90);

    final Path work = Path.of("target", "pg-restart").toAbsolutePath();
    final Path dataDir = work.resolve(UUID.randomUUID().toString());
    final Path childLog = work.resolve(dataDir.getFileName() + "-child.log");

    Process child;
    EmbeddedPostgres restarted;

    @Test
    @Timeout(240)
    void aStartAfterKillDashNineTakesTheDataDirectoryOverFromTheServerLeftRunning() throws Exception {
        child = startChild();
        String ready = awaitReady();
        assertThat(ready)
                .as("the default configuration's durability settings")
                .contains("fsync=on", "full_page_writes=on", "synchronous_commit=on");

        long oldPid = postmasterPid();
        ProcessHandle oldServer = ProcessHandle.of(oldPid).orElseThrow();
        assertThat(serversOn(dataDir)).containsExactly(oldPid);
        List<ProcessHandle> oldProcesses = withDescendants(oldServer);

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(oldServer.isAlive()).as("the server outlives the killed JVM").isTrue();

        long began = System.nanoTime();
        restarted = EmbeddedPostgresConfiguration.start(new EmbeddedPostgresProperties(dataDir.toString(), 0, true));
        long restartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        System.out.printf("embedded PostgreSQL started after kill -9 of its gateway in %d ms%n", restartMillis);

        assertThat(restartMillis).isLessThan(20_000);
        assertThat(oldProcesses).noneMatch(ProcessHandle::isAlive);
        long newPid = postmasterPid();
        assertThat(newPid).isNotEqualTo(oldPid);
        assertThat(serversOn(dataDir)).containsExactly(newPid);
        try (Connection connection = DriverManager.getConnection(restarted.getJdbcUrl("postgres", "postgres"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT note FROM restart_check")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(EmbeddedPostgresChildProcess.ROW);
            assertThat(rows.next()).isFalse();
        }

        List<ProcessHandle> newProcesses =
                withDescendants(ProcessHandle.of(newPid).orElseThrow());
        restarted.close();
        restarted = null;
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(newProcesses).noneMatch(ProcessHandle::isAlive));
        assertThat(serversOn(dataDir)).isEmpty();
    }

    /** Stops whatever this test started, whatever state it failed in, and removes its data. */
    @AfterEach
    void cleanUp() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        if (restarted != null) {
            restarted.close();
        }
        for (long pid : serversOn(dataDir)) {
            Optional<ProcessHandle> server = ProcessHandle.of(pid);
            if (server.isPresent()) {
                List<ProcessHandle> processes = withDescendants(server.get());
                server.get().destroy();
                try {
                    server.get().onExit().get(15, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    processes.forEach(ProcessHandle::destroyForcibly);
                }
            }
        }
        if (Files.exists(dataDir)) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private Process startChild() throws IOException {
        Files.createDirectories(work);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedPostgresChildProcess.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(childLog.toFile())
                .start();
    }

    private String awaitReady() throws Exception {
        long deadline = System.nanoTime() + CHILD_READY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> ready = Files.readAllLines(childLog, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(EmbeddedPostgresChildProcess.READY))
                    .findFirst();
            if (ready.isPresent()) {
                return ready.get();
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child JVM exited with " + child.exitValue() + ":\n"
                        + Files.readString(childLog, StandardCharsets.UTF_8));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child JVM was not ready within " + CHILD_READY_WAIT + ":\n"
                + Files.readString(childLog, StandardCharsets.UTF_8));
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    private static List<ProcessHandle> withDescendants(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process);
        process.descendants().forEach(all::add);
        return all;
    }

    /** The pids of PostgreSQL servers whose command line names this directory, read from /proc. */
    private static List<Long> serversOn(Path dir) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes
                    .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(path -> {
                        try {
                            List<String> arguments = Arrays.asList(
                                    new String(Files.readAllBytes(path.resolve("cmdline")), StandardCharsets.UTF_8)
                                            .split("\0"));
                            if (arguments.get(0).endsWith("/postgres") && arguments.contains(dir.toString())) {
                                pids.add(Long.parseLong(path.getFileName().toString()));
                            }
                        } catch (IOException e) {
                            // the process has gone
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }
}
