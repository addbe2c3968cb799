package hotline.gateway.infrastructure.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's side in Prometheus: per office, desk and escalation queue its messages, consumers and the age of its
 * oldest message, and the dead-letter queue's depth, so an office that stopped consuming or a growing DLQ shows.
 * A scheduled poll (route broker-metrics) asks the broker's management for every queue in one request, and for the
 * oldest message's time only of queues that hold messages; scrapes read the cached figures (the age grows between
 * polls). Series exist only for queues the broker has, of the kinds {@link QueueFigures#kindOf} names.
 */
public class BrokerQueueMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerQueueMetrics.class);
    private static final int PAGE = 500;

    private final BrokerManagement management;
    private final ObjectMapper json;
    private final Clock clock;
    /* The last poll's figures by queue name, replaced whole by each poll: the gauges and figures() read it. */
    private final AtomicReference<Map<String, QueueFigures>> latest = new AtomicReference<>(Map.of());
    private volatile boolean up;
    private final MultiGauge messages;
    private final MultiGauge consumers;
    private final MultiGauge oldestAge;

    public BrokerQueueMetrics(BrokerManagement management, ObjectMapper json, Clock clock, MeterRegistry registry) {
        this.management = management;
        this.json = json;
        this.clock = clock;
        this.messages = MultiGauge.builder("hotline.broker.queue.messages")
                .description("Messages on a queue of the broker (offices', desks', escalations, events, DLQ)")
                .register(registry);
        this.consumers = MultiGauge.builder("hotline.broker.queue.consumers")
                .description("Consumers attached to a queue of the broker")
                .register(registry);
        this.oldestAge = MultiGauge.builder("hotline.broker.queue.oldest.message.age")
                .description("Age of the oldest message on a queue of the broker; 0 when it is empty")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("hotline.broker.dlq.messages", this, BrokerQueueMetrics::dlqDepth)
                .description("Messages in the dead-letter queue (DLQ)")
                .register(registry);
        Gauge.builder("hotline.broker.up", this, metrics -> metrics.up ? 1 : 0)
                .description("1 when the last poll of the broker's management succeeded, else 0")
                .register(registry);
    }

    /** Reads the queues' figures from the broker and replaces the cached ones; a failure empties them. */
    public void poll() {
        List<QueueFigures> figures;
        try {
            figures = read();
            up = true;
        } catch (RuntimeException e) {
            if (up) {
                LOG.warn("Broker metrics: the broker's management did not answer ({})", e.getMessage());
            }
            up = false;
            figures = List.of();
        }
        publish(figures);
    }

    /** The figures of the last poll. */
    public List<QueueFigures> figures() {
        return List.copyOf(latest.get().values());
    }

    private List<QueueFigures> read() {
        List<QueueFigures> figures = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer = parse((String) management.invoke("broker", "listQueues", "", page, PAGE));
            JsonNode data = answer.path("data");
            for (JsonNode queue : data) {
                String name = queue.path("name").asText();
                String kind = QueueFigures.kindOf(name);
                if (kind == null || queue.path("temporary").asBoolean(false)) {
                    continue;
                }
                long count = queue.path("messageCount").asLong();
                Long first = count > 0 ? firstMessageTimestamp(name) : null;
                figures.add(new QueueFigures(
                        name, kind, count, queue.path("consumerCount").asInt(), first));
            }
            if (data.size() < PAGE || (long) page * PAGE >= answer.path("count").asLong()) {
                return figures;
            }
        }
    }

    private Long firstMessageTimestamp(String queue) {
        Object timestamp = management.attribute("queue." + queue, "firstMessageTimestamp");
        return timestamp instanceof Number number ? number.longValue() : null;
    }

    /*
     * One row per queue name: a queue made while the pages were read can shift the next page and come twice, and two
     * rows with the same labels fail the whole Prometheus scrape. A queue's gauges are registered once and read its
     * latest figures from the map (registering them again on every poll would remove and re-add each meter, and a
     * scrape between the two could see a queue twice or not at all); a queue that is gone loses its gauges.
     */
    private void publish(List<QueueFigures> figures) {
        Map<String, QueueFigures> byQueue = new LinkedHashMap<>();
        for (QueueFigures queue : figures) {
            byQueue.put(queue.queue(), queue);
        }
        latest.set(Collections.unmodifiableMap(byQueue));
        List<MultiGauge.Row<?>> messageRows = new ArrayList<>();
        List<MultiGauge.Row<?>> consumerRows = new ArrayList<>();
        List<MultiGauge.Row<?>> ageRows = new ArrayList<>();
        for (QueueFigures queue : byQueue.values()) {
            String name = queue.queue();
            Tags tags = Tags.of("queue", name, "kind", queue.kind());
            messageRows.add(MultiGauge.Row.of(tags, latest, m -> figure(m, name, QueueFigures::messages)));
            consumerRows.add(MultiGauge.Row.of(tags, latest, m -> figure(m, name, QueueFigures::consumers)));
            ageRows.add(MultiGauge.Row.of(
                    tags, latest, m -> figure(m, name, q -> q.oldestMessageAgeSeconds(clock.millis()))));
        }
        messages.register(messageRows, false);
        consumers.register(consumerRows, false);
        oldestAge.register(ageRows, false);
    }

    private static double figure(
            AtomicReference<Map<String, QueueFigures>> latest, String queue, ToDoubleFunction<QueueFigures> value) {
        QueueFigures figures = latest.get().get(queue);
        return figures == null ? Double.NaN : value.applyAsDouble(figures);
    }

    private double dlqDepth() {
        return latest.get().values().stream()
                .filter(queue -> queue.kind().equals("dlq"))
                .mapToLong(QueueFigures::messages)
                .sum();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
