package hotline.gateway.classification.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Keeps ONNX Runtime's native environment alive until the process ends.
 *
 * <p>Why: ONNX Runtime's Java binding registers a JVM shutdown hook that releases the native environment, and the
 * JVM runs shutdown hooks concurrently. While the gateway shuts down gracefully (Spring's hook: requests still in
 * flight, a model refresh still embedding), that hook can free the environment under a running session, and the
 * JVM dies of a SIGSEGV in {@code libonnxruntime.so} instead of finishing its shutdown. The native environment is
 * a reference-counted singleton: taking one more reference, never given back, makes the hook's release a
 * decrement, and the operating system reclaims the memory when the process exits.
 *
 * <p>The binding has no public call for a second reference, so this reaches its private native
 * {@code createHandle} by reflection (the binding is on the class path, not in a named module). If a later version
 * of the binding changes that, {@link #hold()} answers why it could not, and the caller warns.
 */
final class OnnxEnvironmentHold {

    private static Optional<String> held;

    private OnnxEnvironmentHold() {}

    /**
     * Takes the extra reference (the first call; later calls answer the same). Never throws.
     *
     * @return empty when held; otherwise why not
     */
    static synchronized Optional<String> hold() {
        if (held == null) {
            held = holdNow();
        }
        return held;
    }

    private static Optional<String> holdNow() {
        try {
            // The binding's default environment, as the embedding models use it: created here if it is not yet.
            OrtEnvironment.getEnvironment();
            Field apiHandle = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("ortApiHandle");
            apiHandle.setAccessible(true);
            Method createHandle =
                    OrtEnvironment.class.getDeclaredMethod("createHandle", long.class, int.class, String.class);
            createHandle.setAccessible(true);
            // The native singleton exists, so the level and name are not applied again: only the count goes up.
            long handle = (long) createHandle.invoke(
                    null,
                    apiHandle.getLong(null),
                    OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING.getValue(),
                    OrtEnvironment.DEFAULT_NAME);
            return handle == 0 ? Optional.of("ONNX Runtime answered no environment") : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.of("cannot hold ONNX Runtime's environment: " + e);
        }
    }
}
