package hotline.gateway.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hotline.gateway.infrastructure.database.PostmasterTakeover.Outcome;
import hotline.gateway.infrastructure.database.PostmasterTakeover.Signal;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start does with the postmaster.pid it finds: the decisions against a scripted view of processes, then the
 * signals against real processes that only look like a PostgreSQL server.
 */
class PostmasterTakeoverTest {

    static final Duration SHORT = Duration.ofMillis(300);
    static final long PID = 4242;

    @TempDir
    Path dataDir;

    final FakeProcesses processes = new FakeProcesses();
    final PostmasterTakeover takeover = new PostmasterTakeover(processes, SHORT, SHORT);

    @Test
    void withoutPostmasterPidThereIsNothingToDo() {
        assertThat(takeover.takeOver(dataDir)).isEqualTo(Outcome.NO_PID_FILE);
        assertThat(processes.signals).isEmpty();
    }

    @Test
    void aPidFileWithoutAPidIsLeftToPostgres() throws IOException {
        Files.writeString(dataDir.resolve("postmaster.pid"), "\n");

        assertThat(takeover.takeOver(dataDir)).isEqualTo(Outcome.UNREADABLE_PID_FILE);
        assertThat(processes.signals).isEmpty();
    }

    @Test
    void aStalePidFileWhoseProcessIsGoneIsLeftToPostgres() throws IOException {
        writePidFile(PID);

        assertThat(takeover.takeOver(dataDir)).isEqualTo(Outcome.PROCESS_GONE);
        assertThat(processes.signals).isEmpty();
        assertThat(dataDir.resolve("postmaster.pid")).exists();
    }

    @Test
    void anUnrelatedProcessThatReusedThePidIsNeverTouched() throws IOException {
        writePidFile(PID);
        processes.running(PID, List.of("/usr/bin/java", "-jar", "app.jar", "-D", dataDir.toString()));

        assertThat(takeover.takeOver(dataDir)).isEqualTo(Outcome.OTHER_PROCESS);
        assertThat(processes.signals).isEmpty();
    }

    @Test
    void aPostgresServerOnAnotherDirectoryIsNeverTouched() throws IOException {
        writePidFile(PID);
        processes.running(PID, postgresOn(dataDir.resolveSibling("other-pg")));

        assertThat(takeover.takeOver(dataDir)).isEqualTo(Outcome.OTHER_PROCESS);
        assertThat(processes.signals).isEmpty();
    }

    @Test
    void aProcessWhoseCommandLineCannotBeReadIsNeverTouched() throws IOException {
        writePidFile(PID);
        processes.alive.add(PID);

        assertThat(takeover.takeOver(dataDir)).isEqualTo(Outcome.OTHER_PROCESS);
        assertThat(processes.signals).isEmpty();
    }

    @Test
    void theGatewaysOwnPidIsNeverTouched() throws IOException {
        writePidFile(FakeProcesses.SELF);
        processes.running(FakeProcesses.SELF, postgresOn(dataDir));

        assertThat(takeover.takeOver(dataDir)).isEqualTo(Outcome.OTHER_PROCESS);
        assertThat(processes.signals).isEmpty();
    }

    @Test
    void aServerLeftOnTheDirectoryIsStoppedWithAFastShutdown() throws IOException {
        writePidFile(PID);
        processes.running(PID, postgresOn(dataDir));
        processes.exitsOn(PID, Signal.INT);

        assertThat(takeover.takeOver(dataDir)).isEqualTo(Outcome.STOPPED_FAST);
        assertThat(processes.signals).containsExactly("INT " + PID);
    }

    @Test
    void aServerThatIgnoresTheFastShutdownGetsAnImmediateOneAndNeverSigkill() throws IOException {
        writePidFile(PID);
        processes.running(PID, postgresOn(dataDir));
        processes.exitsOn(PID, Signal.QUIT);

        assertThat(takeover.takeOver(dataDir)).isEqualTo(Outcome.STOPPED_IMMEDIATE);
        assertThat(processes.signals).containsExactly("INT " + PID, "QUIT " + PID);
    }

    @Test
    void aServerThatStopsForNeitherFailsTheStartAndIsNotKilled() throws IOException {
        writePidFile(PID);
        processes.running(PID, postgresOn(dataDir));

        assertThatThrownBy(() -> takeover.takeOver(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not stop")
                .hasMessageContaining("pid " + PID);
        assertThat(processes.signals).containsExactly("INT " + PID, "QUIT " + PID);
        assertThat(processes.alive).contains(PID);
    }

    @Test
    void aServerOfAGatewayStillRunningIsLeftRunningAndTheStartFails() throws IOException {
        writePidFile(PID);
        processes.running(PID, postgresOn(dataDir));
        processes.exitsOn(PID, Signal.INT);

        try (FileChannel channel = FileChannel.open(
                        dataDir.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            assertThatThrownBy(() -> takeover.takeOver(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("still running");
        }
        assertThat(processes.signals).isEmpty();
    }

    @Test
    void recognisesAPostmasterByProgramNameAndAbsoluteDataDirectory() throws IOException {
        Path other = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-other"));

        assertThat(PostmasterTakeover.isPostmasterOn(postgresOn(dataDir), dataDir))
                .isTrue();
        assertThat(PostmasterTakeover.isPostmasterOn(List.of("postgres", "-D" + dataDir), dataDir))
                .isTrue();
        assertThat(PostmasterTakeover.isPostmasterOn(
                        List.of("/usr/lib/postgresql/14/bin/postmaster", "-D", dataDir + "/"), dataDir))
                .isTrue();
        assertThat(PostmasterTakeover.isPostmasterOn(
                        List.of("postgres", "-D", dataDir + "/../" + dataDir.getFileName()), dataDir))
                .isTrue();
        assertThat(PostmasterTakeover.isPostmasterOn(postgresOn(other), dataDir))
                .isFalse();
        assertThat(PostmasterTakeover.isPostmasterOn(List.of("postgres", "-D", "data/pg"), dataDir))
                .isFalse();
        assertThat(PostmasterTakeover.isPostmasterOn(List.of("postgres", "-p", "5432"), dataDir))
                .isFalse();
        assertThat(PostmasterTakeover.isPostmasterOn(List.of("postgres: checkpointer "), dataDir))
                .isFalse();
        assertThat(PostmasterTakeover.isPostmasterOn(List.of("/bin/not-postgres", "-D", dataDir.toString()), dataDir))
                .isFalse();
        assertThat(PostmasterTakeover.isPostmasterOn(List.of(), dataDir)).isFalse();
    }

    // Real processes, signalled by the operating system: perl started under the program name postgres. Like
    // PostgreSQL, it unblocks the signals it handles (a JVM's child may start with SIGQUIT blocked).

    @Test
    @Timeout(30)
    void signalsARealProcessThatLooksLikeTheServerAndWaitsForItToExit() throws Exception {
        assumeLinux();
        Process server = fakeServer("$SIG{INT} = sub { exit 0 };", dataDir);
        try {
            writePidFile(server.pid());
            PostmasterTakeover real =
                    new PostmasterTakeover(new PostmasterTakeover.OsProcesses(), Duration.ofSeconds(10), SHORT);

            assertThat(real.takeOver(dataDir)).isEqualTo(Outcome.STOPPED_FAST);
            assertThat(server.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isZero();
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    @Timeout(30)
    void sendsSigquitToARealProcessThatIgnoresSigint() throws Exception {
        assumeLinux();
        Process server = fakeServer("$SIG{INT} = 'IGNORE'; $SIG{QUIT} = sub { exit 3 };", dataDir);
        try {
            writePidFile(server.pid());
            PostmasterTakeover real =
                    new PostmasterTakeover(new PostmasterTakeover.OsProcesses(), SHORT, Duration.ofSeconds(10));

            assertThat(real.takeOver(dataDir)).isEqualTo(Outcome.STOPPED_IMMEDIATE);
            assertThat(server.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isEqualTo(3);
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    @Timeout(30)
    void leavesARealUnrelatedProcessAlone() throws Exception {
        assumeLinux();
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            writePidFile(unrelated.pid());
            PostmasterTakeover real = new PostmasterTakeover(new PostmasterTakeover.OsProcesses(), SHORT, SHORT);

            assertThat(real.takeOver(dataDir)).isEqualTo(Outcome.OTHER_PROCESS);
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroyForcibly();
            unrelated.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** A process whose command line reads {@code postgres -e <script> -- -D <dir>}, with the script's handlers. */
    private static Process fakeServer(String handlers, Path dir) throws Exception {
        String script = "use POSIX; sigprocmask(SIG_UNBLOCK, POSIX::SigSet->new(SIGINT, SIGQUIT)); $| = 1; " + handlers
                + " print \"ready\\n\"; sleep 1 while 1;";
        Process process = new ProcessBuilder(
                        "bash", "-c", "exec -a postgres perl -e \"$0\" -- -D \"$1\"", script, dir.toString())
                .redirectErrorStream(true)
                .start();
        // The handlers are set once it says so.
        String ready = new String(process.getInputStream().readNBytes(6)).trim();
        assertThat(ready).isEqualTo("ready");
        List<String> commandLine =
                new PostmasterTakeover.OsProcesses().commandLine(process.pid()).orElseThrow();
        assertThat(commandLine).startsWith("postgres");
        assertThat(PostmasterTakeover.isPostmasterOn(commandLine, dir)).isTrue();
        return process;
    }

    private static void assumeLinux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/perl")), "needs perl");
    }

    private void writePidFile(long pid) throws IOException {
        // As PostgreSQL 14 writes it: pid, data directory, start time, port, socket directory, listen address,
        // shared memory key, status.
        Files.writeString(
                dataDir.resolve("postmaster.pid"),
                pid + "\n" + dataDir + "\n1796184642\n5432\n/tmp\nlocalhost\n  2148224        14\nready   \n");
    }

    private static List<String> postgresOn(Path dir) {
        return List.of(
                "/tmp/embedded-pg/PG-3f56119e/bin/postgres",
                "-D",
                dir.toString(),
                "-p",
                "5432",
                "-F",
                "-c",
                "fsync=on");
    }

    static final class FakeProcesses implements PostmasterTakeover.Processes {
        static final long SELF = 1000;

        final Set<Long> alive = new java.util.HashSet<>();
        final Map<Long, List<String>> commandLines = new HashMap<>();
        final Map<Long, Signal> exitSignals = new HashMap<>();
        final List<String> signals = new ArrayList<>();

        void running(long pid, List<String> commandLine) {
            alive.add(pid);
            commandLines.put(pid, commandLine);
        }

        void exitsOn(long pid, Signal signal) {
            exitSignals.put(pid, signal);
        }

        @Override
        public long currentPid() {
            return SELF;
        }

        @Override
        public boolean isAlive(long pid) {
            return alive.contains(pid);
        }

        @Override
        public Optional<List<String>> commandLine(long pid) {
            return Optional.ofNullable(commandLines.get(pid));
        }

        @Override
        public void signal(long pid, Signal signal) {
            signals.add(signal + " " + pid);
            if (signal == exitSignals.get(pid)) {
                alive.remove(pid);
            }
        }
    }
}
