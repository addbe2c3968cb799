package hotline.gateway.infrastructure.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over the embedded PostgreSQL's data directory from a server that an earlier run left behind.
 *
 * <p>The embedded server is a process of its own: when the gateway is killed ({@code kill -9}, out of memory, power
 * to the JVM cut), the server keeps running and keeps the data directory, and a new server cannot start on it. Before
 * the embedded server starts, this reads {@code postmaster.pid} in the data directory. If the process it names is
 * alive and is a PostgreSQL server on that same directory, and no running gateway holds the directory, it is asked to
 * stop: a fast shutdown (SIGINT: sessions are ended, a checkpoint is written), and only if that has not ended it within
 * {@link #DEFAULT_FAST_SHUTDOWN_WAIT} an immediate shutdown (SIGQUIT: PostgreSQL recovers from its WAL at the next
 * start). It is never killed with SIGKILL. A process that merely reuses the pid is never touched, and a
 * {@code postmaster.pid} whose process is gone is left to PostgreSQL, which replaces it.
 */
final class PostmasterTakeover {

    /** How long a fast shutdown may take before an immediate one is asked for. */
    static final Duration DEFAULT_FAST_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    /** How long an immediate shutdown may take before the start gives up. */
    static final Duration DEFAULT_IMMEDIATE_SHUTDOWN_WAIT = Duration.ofSeconds(15);

    static final String PID_FILE = "postmaster.pid";

    /**
     * The file zonky's EmbeddedPostgres locks in the data directory for as long as its JVM runs it; the lock goes with
     * the JVM, so a held lock means a running gateway (or this one) still uses the server.
     */
    static final String EMBEDDED_LOCK_FILE = "epg-lock";

    private static final Logger log = LoggerFactory.getLogger(PostmasterTakeover.class);
    private static final Duration POLL = Duration.ofMillis(50);

    /** What was found in the data directory, and what was done. */
    enum Outcome {
        /** No postmaster.pid: no server was left running. */
        NO_PID_FILE,
        /** postmaster.pid without a pid in its first line: left to PostgreSQL. */
        UNREADABLE_PID_FILE,
        /** The process postmaster.pid names is gone: PostgreSQL replaces the stale file. */
        PROCESS_GONE,
        /** The pid is alive but is not a PostgreSQL server on this directory: left alone. */
        OTHER_PROCESS,
        /** The server left behind stopped after a fast shutdown (SIGINT). */
        STOPPED_FAST,
        /** The server left behind stopped only after an immediate shutdown (SIGQUIT). */
        STOPPED_IMMEDIATE
    }

    enum Signal {
        /** PostgreSQL's fast shutdown. */
        INT,
        /** PostgreSQL's immediate shutdown. */
        QUIT
    }

    /** The operating system's view of processes, behind an interface so that the decisions can be tested. */
    interface Processes {
        long currentPid();

        boolean isAlive(long pid);

        /** The program and its arguments, or empty when they cannot be read. */
        Optional<List<String>> commandLine(long pid);

        void signal(long pid, Signal signal) throws IOException;
    }

    private final Processes processes;
    private final Duration fastShutdownWait;
    private final Duration immediateShutdownWait;

    PostmasterTakeover() {
        this(new OsProcesses(), DEFAULT_FAST_SHUTDOWN_WAIT, DEFAULT_IMMEDIATE_SHUTDOWN_WAIT);
    }

    PostmasterTakeover(Processes processes, Duration fastShutdownWait, Duration immediateShutdownWait) {
        this.processes = processes;
        this.fastShutdownWait = fastShutdownWait;
        this.immediateShutdownWait = immediateShutdownWait;
    }

    /**
     * Stops a PostgreSQL server that an earlier run left on {@code dataDir}, if there is one.
     *
     * @throws IllegalStateException when a running gateway still holds the directory, or the server did not stop
     */
    Outcome takeOver(Path dataDir) {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return Outcome.NO_PID_FILE;
        }
        OptionalLong recorded = readPid(pidFile);
        if (recorded.isEmpty()) {
            log.info("{} in {} names no process: left to PostgreSQL", PID_FILE, dataDir);
            return Outcome.UNREADABLE_PID_FILE;
        }
        long pid = recorded.getAsLong();
        if (!processes.isAlive(pid)) {
            log.info(
                    "{} in {} names pid {}, which is no longer running: PostgreSQL replaces the stale file",
                    PID_FILE,
                    dataDir,
                    pid);
            return Outcome.PROCESS_GONE;
        }
        Optional<List<String>> commandLine = processes.commandLine(pid);
        if (pid == processes.currentPid() || commandLine.isEmpty() || !isPostmasterOn(commandLine.get(), dataDir)) {
            log.warn(
                    "{} in {} names pid {}, a running process that is not a PostgreSQL server on this directory ({}):"
                            + " it is left alone",
                    PID_FILE,
                    dataDir,
                    pid,
                    commandLine.map(PostmasterTakeover::programName).orElse("command line unreadable"));
            return Outcome.OTHER_PROCESS;
        }
        return stopUnlessHeld(dataDir, pid);
    }

    private Outcome stopUnlessHeld(Path dataDir, long pid) {
        Path lockFile = dataDir.resolve(EMBEDDED_LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dataDir, pid);
            }
            return stop(dataDir, pid);
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDir, pid);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not take over " + dataDir + " from PostgreSQL pid " + pid, e);
        }
    }

    private Outcome stop(Path dataDir, long pid) throws IOException {
        log.warn(
                "A PostgreSQL server (pid {}) left by an earlier run still holds {}: asking it for a fast shutdown"
                        + " (SIGINT)",
                pid,
                dataDir);
        long began = System.nanoTime();
        processes.signal(pid, Signal.INT);
        if (awaitExit(pid, fastShutdownWait)) {
            log.warn("PostgreSQL server pid {} stopped after {} ms (fast shutdown)", pid, millisSince(began));
            return Outcome.STOPPED_FAST;
        }
        log.warn(
                "PostgreSQL server pid {} did not stop within {} s of a fast shutdown: asking it for an immediate"
                        + " shutdown (SIGQUIT); it recovers from its WAL at this start",
                pid,
                fastShutdownWait.toSeconds());
        processes.signal(pid, Signal.QUIT);
        if (awaitExit(pid, immediateShutdownWait)) {
            log.warn("PostgreSQL server pid {} stopped after {} ms (immediate shutdown)", pid, millisSince(began));
            return Outcome.STOPPED_IMMEDIATE;
        }
        throw new IllegalStateException("The PostgreSQL server (pid " + pid + ") left on " + dataDir
                + " did not stop after a fast (SIGINT) and an immediate (SIGQUIT) shutdown; it was not killed."
                + " Stop it, then start the gateway again.");
    }

    private boolean awaitExit(long pid, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (processes.isAlive(pid)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for PostgreSQL pid " + pid + " to stop", e);
            }
        }
        return true;
    }

    private static IllegalStateException inUse(Path dataDir, long pid) {
        return new IllegalStateException("The PostgreSQL server (pid " + pid + ") on " + dataDir
                + " belongs to a gateway that is still running; stop that gateway or give this one another"
                + " data directory (DB_DATA)");
    }

    /**
     * Whether a command line is a PostgreSQL server's on {@code dataDir}: its program is {@code postgres} (or the old
     * name {@code postmaster}) and its {@code -D} names that directory by an absolute path. A server started without
     * {@code -D}, or with a relative one, is not recognised: the embedded server is always started with an absolute
     * one.
     */
    static boolean isPostmasterOn(List<String> commandLine, Path dataDir) {
        if (commandLine.isEmpty()) {
            return false;
        }
        String program = programName(commandLine);
        if (!program.equals("postgres") && !program.equals("postmaster")) {
            return false;
        }
        for (int i = 1; i < commandLine.size(); i++) {
            String argument = commandLine.get(i);
            String directory = null;
            if (argument.equals("-D") && i + 1 < commandLine.size()) {
                directory = commandLine.get(i + 1);
            } else if (argument.startsWith("-D") && argument.length() > 2) {
                directory = argument.substring(2);
            }
            if (directory != null) {
                return sameDirectory(directory, dataDir);
            }
        }
        return false;
    }

    private static String programName(List<String> commandLine) {
        String program = commandLine.get(0);
        int slash = program.lastIndexOf('/');
        return slash < 0 ? program : program.substring(slash + 1);
    }

    private static boolean sameDirectory(String directory, Path dataDir) {
        Path path;
        try {
            path = Path.of(directory);
        } catch (RuntimeException e) {
            return false;
        }
        if (!path.isAbsolute()) {
            return false;
        }
        try {
            return Files.isSameFile(path, dataDir);
        } catch (IOException e) {
            return path.normalize().equals(dataDir.toAbsolutePath().normalize());
        }
    }

    /** The pid in the file's first line; empty when there is none (or the file has just gone). */
    private static OptionalLong readPid(Path pidFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pidFile, e);
        }
        if (lines.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    /** Processes as Linux shows them in /proc (ProcessHandle elsewhere), signalled with {@code kill}. */
    static final class OsProcesses implements Processes {

        @Override
        public long currentPid() {
            return ProcessHandle.current().pid();
        }

        @Override
        public boolean isAlive(long pid) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        @Override
        public Optional<List<String>> commandLine(long pid) {
            Path procCmdline = Path.of("/proc", Long.toString(pid), "cmdline");
            if (Files.isDirectory(Path.of("/proc/self"))) {
                try {
                    String raw = new String(Files.readAllBytes(procCmdline), StandardCharsets.UTF_8);
                    List<String> arguments = new ArrayList<>(Arrays.asList(raw.split("\0", -1)));
                    while (!arguments.isEmpty()
                            && arguments.get(arguments.size() - 1).isEmpty()) {
                        arguments.remove(arguments.size() - 1);
                    }
                    return arguments.isEmpty() ? Optional.empty() : Optional.of(arguments);
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
            return ProcessHandle.of(pid)
                    .map(ProcessHandle::info)
                    .flatMap(info -> info.command()
                            .flatMap(command -> info.arguments().map(arguments -> {
                                List<String> line = new ArrayList<>();
                                line.add(command);
                                line.addAll(Arrays.asList(arguments));
                                return line;
                            })));
        }

        @Override
        public void signal(long pid, Signal signal) throws IOException {
            Process kill = new ProcessBuilder("kill", "-s", signal.name(), Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            try {
                String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                    kill.destroyForcibly();
                    throw new IOException("kill -s " + signal + " " + pid + " did not return");
                }
                if (kill.exitValue() != 0) {
                    throw new IOException("kill -s " + signal + " " + pid + " failed: " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while signalling pid " + pid, e);
            }
        }
    }
}
