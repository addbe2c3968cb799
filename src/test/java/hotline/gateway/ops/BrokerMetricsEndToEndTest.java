package hotline.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.SampleCalls;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The broker's side in Prometheus, read from the real embedded Artemis over its management: a ticket waiting on an
 * office queue nobody consumes shows as one message, no consumer and an oldest message that grows older; a message in
 * the dead-letter queue shows in its depth.
 */
class BrokerMetricsEndToEndTest extends GatewayIntegrationTest {

    /** 长兴镇, Chongming: a town no other test sends tickets to. */
    private static final String TOWN = "310151116";

    private static final String QUEUE = "tickets." + TOWN;

    @Test
    void aTicketNobodyConsumesShowsWithItsAge() throws InterruptedException {
        assertThat(queueFigure("hotline_broker_queue_messages", QUEUE)).isEqualTo(0.0);

        ObjectNode call = SampleCalls.byId("DEV-2026-0002").withCallId("METRICS-" + UUID.randomUUID());
        call.putObject("location").put("townCode", TOWN).put("address", "崇明区长兴镇凤滨路1号");
        Response created = gateway().postJson("/api/v1/calls", call.toString());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/assignedTo/code").asText()).isEqualTo(TOWN);
        String ticketNo = created.json().get("ticketNo").asText();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(queueFigure("hotline_broker_queue_messages", QUEUE))
                            .isEqualTo(1.0));
            assertThat(queueFigure("hotline_broker_queue_consumers", QUEUE)).isEqualTo(0.0);
            double age = queueFigure("hotline_broker_queue_oldest_message_age_seconds", QUEUE);
            assertThat(age).isGreaterThan(0.0);
            Thread.sleep(1_100);
            assertThat(queueFigure("hotline_broker_queue_oldest_message_age_seconds", QUEUE))
                    .isGreaterThanOrEqualTo(age + 1.0);
        } finally {
            assertThat(broker().take(QUEUE, ticketNo, 5_000)).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(queueFigure("hotline_broker_queue_messages", QUEUE))
                        .isEqualTo(0.0));
        assertThat(queueFigure("hotline_broker_queue_oldest_message_age_seconds", QUEUE))
                .isEqualTo(0.0);
    }

    @Test
    void theDeadLetterQueueDepthShows() {
        await().atMost(Duration.ofSeconds(20)).until(() -> figure(scrape(), "hotline_broker_up", "") == 1.0);
        double before = figure(scrape(), "hotline_broker_dlq_messages", "");
        String marker = "metrics-" + UUID.randomUUID();
        broker().send("DLQ", "{\"poison\": true}", Map.of("ticketNo", marker, "deadLetterReason", "a test's poison"));
        try {
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(figure(scrape(), "hotline_broker_dlq_messages", ""))
                            .isEqualTo(before + 1));
            assertThat(queueFigure("hotline_broker_queue_messages", "DLQ")).isEqualTo(before + 1);
        } finally {
            assertThat(broker().take("DLQ", marker, 5_000)).hasSize(1);
        }
    }

    @Test
    void metricsAreAnOperatorsOnTheManagementPort() {
        assertThat(gateway().anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(gateway().get("/actuator/prometheus").status()).isEqualTo(200);
        // Not on the application's port, whoever asks.
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(new GatewayClient(port, port).get("/actuator/prometheus").status())
                .isEqualTo(404);
        assertThat(new GatewayClient(port, port).get("/actuator/health").status())
                .isEqualTo(404);
    }

    private String scrape() {
        Response metrics = gateway().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.body();
    }

    /** A queue's series; 0 when the queue has none (the broker has not got it yet). */
    private double queueFigure(String metric, String queue) {
        return figure(scrape(), metric, "queue=\"" + Pattern.quote(queue) + "\"");
    }

    /** The value of the first series of a metric whose labels contain the given text; 0 when there is none. */
    private static double figure(String exposition, String metric, String labels) {
        Matcher line = Pattern.compile("(?m)^" + metric + "\\{[^}]*" + labels + "[^}]*} (\\S+)$")
                .matcher(exposition);
        return line.find() ? Double.parseDouble(line.group(1)) : 0.0;
    }
}
