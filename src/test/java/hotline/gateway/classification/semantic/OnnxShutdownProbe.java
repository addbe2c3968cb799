package hotline.gateway.classification.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;

/**
 * A child JVM for {@link OnnxShutdownTest}: loads the embedders, keeps ONNX Runtime busy on another thread
 * (embedding, and creating and closing a session, which reads the native environment most), and exits while a
 * shutdown hook holds the shutdown open, as Spring's graceful shutdown does. Exits with {@value #EXIT_CODE} when
 * the shutdown finishes, {@value #NO_NATIVE_RUNTIME} when the models cannot load here.
 */
public final class OnnxShutdownProbe {

    static final int EXIT_CODE = 3;
    static final int NO_NATIVE_RUNTIME = 10;

    private OnnxShutdownProbe() {}

    public static void main(String[] args) throws Exception {
        BgeSmallEmbedders.LoadResult result = BgeSmallEmbedders.load();
        if (result.loaded().isEmpty()) {
            System.err.println(result.failure().orElseThrow());
            System.exit(NO_NATIVE_RUNTIME);
        }
        BgeSmallEmbedders embedders = result.loaded().orElseThrow();
        byte[] model;
        try (InputStream in =
                OnnxShutdownProbe.class.getClassLoader().getResourceAsStream("bge-small-en-v1.5-q.onnx")) {
            model = in.readAllBytes();
        }
        Thread busy = new Thread(() -> {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            for (int i = 0; ; i++) {
                try (OrtSession session = environment.createSession(model)) {
                    embedders.embed("邻居家的老人好几天没出门了 " + i);
                } catch (Exception e) {
                    System.err.println("busy thread: " + e);
                }
            }
        });
        busy.setDaemon(true);
        busy.start();
        Thread.sleep(1_000);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.exit(EXIT_CODE);
    }
}
