package hotline.gateway.bench;

import java.util.Arrays;

/** Latencies recorded by many threads, read as percentiles in milliseconds once the recording is over. */
final class Latencies {

    private long[] nanos = new long[1 << 16];
    private int count;

    synchronized void add(long value) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = value;
    }

    synchronized int count() {
        return count;
    }

    synchronized double percentile(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }
}
