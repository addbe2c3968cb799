package hotline.gateway.classification.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM shuts down cleanly while ONNX Runtime is busy: the binding's own shutdown hook no longer frees the native
 * environment under a running call ({@link OnnxEnvironmentHold}). Runs {@link OnnxShutdownProbe} in a child JVM,
 * whose crash would otherwise end it with a SIGSEGV (exit 134) and an hs_err file.
 */
class OnnxShutdownTest {

    @Test
    void theJvmFinishesItsShutdownWhileATextIsEmbedded(@TempDir Path work) throws IOException, InterruptedException {
        Path output = work.resolve("probe.log");
        Process probe = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:ErrorFile=" + work.resolve("hs_err_%p.log"),
                        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OnnxShutdownProbe.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = probe.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            probe.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished)
                .as("the probe finished within two minutes:\n%s", log)
                .isTrue();
        Assumptions.assumeFalse(
                probe.exitValue() == OnnxShutdownProbe.NO_NATIVE_RUNTIME,
                () -> "skipped: the models cannot load here: " + log);
        assertThat(log).as("the probe's output").doesNotContain("A fatal error has been detected");
        assertThat(probe.exitValue()).as("the probe's exit code:\n%s", log).isEqualTo(OnnxShutdownProbe.EXIT_CODE);
        try (var files = Files.list(work)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.startsWith("hs_err"));
        }
    }
}
