package hotline.gateway.outreach;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How long each step of a matching run took, in the order they ran: logged with the run and printed by the outreach
 * benchmark, so that a slow run says where its time went. Elapsed time only (a monotonic timer), never the time of
 * day.
 */
public final class StepTimes {

    private final Map<String, Double> seconds = Collections.synchronizedMap(new LinkedHashMap<>());

    public <T> T time(String step, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(step, start);
        }
    }

    public void time(String step, Runnable work) {
        long start = System.nanoTime();
        try {
            work.run();
        } finally {
            add(step, start);
        }
    }

    /** Seconds per step; a step timed twice adds up. */
    public Map<String, Double> seconds() {
        synchronized (seconds) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
        }
    }

    /** Steps in order with their seconds, one decimal: {@code register.persons 2.1 s, ...}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        synchronized (seconds) {
            seconds.forEach((step, s) -> text.append(text.isEmpty() ? "" : ", ")
                    .append(step)
                    .append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", s))
                    .append(" s"));
        }
        return text.toString();
    }

    private void add(String step, long start) {
        seconds.merge(step, (System.nanoTime() - start) / 1e9, Double::sum);
    }
}
