package hotline.gateway.bench;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.classification.semantic.BgeSmallEmbedders;
import hotline.gateway.classification.semantic.Embedders;
import hotline.gateway.classification.semantic.EmbeddingSpace;
import hotline.gateway.classification.semantic.LabelledText;
import hotline.gateway.classification.semantic.NeedModel;
import hotline.gateway.classification.semantic.SemanticClassifier;
import hotline.gateway.classification.semantic.TextEmbedder;
import hotline.gateway.classification.semantic.TextVector;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark, not a test: the bge-small models' load times, per-call latency for 120-character Chinese and English
 * texts on one thread, throughput with one and two threads, the process's CPU time per call (the cost of a call
 * when other work on the machine stretches the wall-clock figures), heap and resident memory; and the cost of
 * classifying a vector against a need model of 2,000 examples.
 *
 * <p>Run: {@code bench/embedding.sh} (a JVM of its own, so that the heap figures are the benchmark's). Settings:
 * {@code -Dcalls=300} calls per language for the latencies, {@code -Dseconds=10} per throughput run.
 */
public final class EmbeddingBenchmark {

    private static final int CALLS = Integer.getInteger("calls", 300);
    private static final int SECONDS = Integer.getInteger("seconds", 10);
    private static final int LENGTH = 120;

    private static final String[] CHINESE = {
        "来电人反映父亲八十二岁独居，最近行动不便，一日三餐成问题，希望街道安排助餐和上门探访。",
        "母亲患癌症住院化疗，自费部分太多，家里负担不起，想咨询大病医疗救助怎么申请。",
        "本人失业半年，一直找不到工作，家里还有两个孩子上学，房租已经欠了三个月。",
        "楼下工地每天晚上施工到凌晨，噪音很大，老人和孩子都睡不好，希望有关部门处理。",
        "孩子患有自闭症，需要康复训练，费用很高，想了解残疾儿童康复救助政策。",
        "家里房屋年久失修，下雨天漏水严重，墙体开裂，担心有安全隐患，申请危房改造。",
        "老人患有阿尔茨海默病，白天家里没人照顾，想申请日间照料和长期护理保险。",
        "小区门口的垃圾好几天没人清运，臭气熏天，还有老鼠，居民意见很大。",
    };
    private static final String[] ENGLISH = {
        "The caller says her father, 82, lives alone, can no longer cook, and asks for meal delivery and home visits. ",
        "My mother is having chemotherapy and the hospital bills are far more than our family can pay this month. ",
        "I lost my job six months ago, I have two children at school and we are three months behind on the rent. ",
        "A construction site below our flat works until after midnight every day and nobody in the building sleeps. ",
        "Our son has autism and needs rehabilitation therapy that costs more than we earn; what help is available? ",
        "The roof of our old house leaks whenever it rains and the walls have cracks; we are afraid it will collapse. ",
    };

    private EmbeddingBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(
                "%d cores, load average %.2f, %s%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        long heapBefore = heapUsed();
        long rssBefore = residentBytes();

        long start = System.nanoTime();
        BgeSmallEmbedders.LoadResult result = BgeSmallEmbedders.load();
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        if (result instanceof BgeSmallEmbedders.Failed failed) {
            System.out.println("models did not load: " + failed.reason());
            return;
        }
        BgeSmallEmbedders.Loaded loaded = (BgeSmallEmbedders.Loaded) result;
        BgeSmallEmbedders embedders = loaded.embedders();
        System.out.printf(
                "load: zh %.2f s, en %.2f s (each with its first embedding), %.2f s in all%n",
                loaded.zhLoadTime().toNanos() / 1e9, loaded.enLoadTime().toNanos() / 1e9, loadSeconds);
        System.out.printf(
                "memory after loading: heap used %s (before %s), resident %s (before %s)%n",
                mb(heapUsed()), mb(heapBefore), mb(residentBytes()), mb(rssBefore));

        List<String> chinese = texts(CHINESE);
        List<String> english = texts(ENGLISH);
        System.out.printf(
                "texts: %d Chinese and %d English, %d characters each%n", chinese.size(), english.size(), LENGTH);
        TextEmbedder zh = embedders.embedder(EmbeddingSpace.ZH);
        TextEmbedder en = embedders.embedder(EmbeddingSpace.EN);
        for (int i = 0; i < 50; i++) { // warm-up
            zh.embed(chinese.get(i % chinese.size()));
            en.embed(english.get(i % english.size()));
        }

        latency("zh, 1 thread", zh, chinese);
        latency("en, 1 thread", en, english);

        List<String> mixed = new ArrayList<>();
        for (int i = 0; i < Math.max(chinese.size(), english.size()); i++) {
            mixed.add(chinese.get(i % chinese.size()));
            mixed.add(english.get(i % english.size()));
        }
        for (List<String> texts : List.of(chinese, english, mixed)) {
            String name = texts == chinese ? "zh" : texts == english ? "en" : "zh+en alternating";
            double one = throughput(embedders, texts, 1);
            double cpuOne = cpuPerCall;
            double two = throughput(embedders, texts, 2);
            System.out.printf(
                    "throughput %-18s 1 thread %6.1f calls/s (CPU %.1f ms per call), 2 threads %6.1f calls/s"
                            + " (CPU %.1f ms per call)%n",
                    name, one, cpuOne, two, cpuPerCall);
        }

        scoring();
        System.out.printf("memory at the end: heap used %s, resident %s%n", mb(heapUsed()), mb(residentBytes()));
    }

    /** Distinct texts of exactly {@link #LENGTH} characters: each sentence followed by the others in turn. */
    private static List<String> texts(String[] sentences) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < sentences.length; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = 0; text.length() < LENGTH; j++) {
                text.append(sentences[(i + j) % sentences.length]);
            }
            texts.add(text.substring(0, LENGTH));
        }
        return texts;
    }

    private static void latency(String name, TextEmbedder embedder, List<String> texts) {
        long[] nanos = new long[CALLS];
        long cpu0 = processCpuNanos();
        for (int i = 0; i < CALLS; i++) {
            String text = texts.get(i % texts.size());
            long t0 = System.nanoTime();
            embedder.embed(text);
            nanos[i] = System.nanoTime() - t0;
        }
        double cpuPerCall = ms(processCpuNanos() - cpu0) / CALLS;
        Arrays.sort(nanos);
        System.out.printf(
                "latency %s, %d calls: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms;"
                        + " CPU %.1f ms per call%n",
                name,
                CALLS,
                ms(percentile(nanos, 50)),
                ms(percentile(nanos, 90)),
                ms(percentile(nanos, 99)),
                ms(nanos[nanos.length - 1]),
                ms((long) Arrays.stream(nanos).average().orElse(0)),
                cpuPerCall);
    }

    /** Calls per second over {@link #SECONDS}, with {@code threads} threads embedding each in its text's space. */
    private static double throughput(Embedders embedders, List<String> texts, int threads) throws InterruptedException {
        long cpu0 = processCpuNanos();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread worker = new Thread(() -> {
                for (int i = offset; !stop.get(); i++) {
                    embedders.embed(texts.get(i % texts.size()));
                    calls.incrementAndGet();
                }
                done.countDown();
            });
            workers.add(worker);
        }
        long t0 = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(SECONDS * 1000L);
        stop.set(true);
        done.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        cpuPerCall = ms(processCpuNanos() - cpu0) / calls.get();
        return calls.get() / seconds;
    }

    /** CPU per call of the last throughput run. */
    private static double cpuPerCall;

    /** Scoring a vector against 2,000 random examples of 512 and 384 dimensions; build time; bytes. */
    private static void scoring() {
        Random random = new Random(1);
        TextEmbedder zh = randomEmbedder("random-512", 512);
        TextEmbedder en = randomEmbedder("random-384", 384);
        List<LabelledText> examples = new ArrayList<>();
        NeedCode[] needs = NeedCode.values();
        for (int i = 0; i < 2_000; i++) {
            examples.add(LabelledText.of("t" + i, "text " + i, needs[random.nextInt(needs.length)], "bench"));
        }
        long t0 = System.nanoTime();
        NeedModel model = NeedModel.build(Embedders.of(zh, en), examples);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        byte[] bytes = model.toBytes();
        t0 = System.nanoTime();
        NeedModel.fromBytes(bytes);
        double readMs = (System.nanoTime() - t0) / 1e6;
        SemanticClassifier classifier = new SemanticClassifier(Embedders.of(zh, en), model, 0.5, 0.05);
        TextVector vector = new TextVector(EmbeddingSpace.ZH, "random-512", zh.embed("a call"));
        for (int i = 0; i < 2_000; i++) {
            classifier.classify(vector);
        }
        int rounds = 5_000;
        t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        for (int i = 0; i < rounds; i++) {
            classifier.classify(vector);
        }
        double scoreMs = (System.nanoTime() - t0) / 1e6 / rounds;
        double scoreCpuMs = ms(processCpuNanos() - cpu0) / rounds;
        System.out.printf(
                "need model of 2,000 examples (random vectors, no embedding): built in %.0f ms, %s as bytes,"
                        + " read back in %.0f ms, classifying a vector %.3f ms (CPU %.3f ms, 512 dimensions)%n",
                buildMs, mb(bytes.length), readMs, scoreMs, scoreCpuMs);
    }

    private static TextEmbedder randomEmbedder(String id, int dimension) {
        return new TextEmbedder() {
            @Override
            public float[] embed(String text) {
                Random random = new Random(text.hashCode());
                float[] v = new float[dimension];
                double sum = 0;
                for (int i = 0; i < dimension; i++) {
                    v[i] = (float) random.nextGaussian();
                    sum += v[i] * v[i];
                }
                for (int i = 0; i < dimension; i++) {
                    v[i] /= (float) Math.sqrt(sum);
                }
                return v;
            }

            @Override
            public String modelId() {
                return id;
            }
        };
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    /**
     * CPU time of the whole process (all threads, ONNX Runtime's included): on a machine shared with other work
     * the cost of a call when wall-clock figures are stretched by waiting for a core.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long heapUsed() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** The process's resident set (Linux), or -1. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
