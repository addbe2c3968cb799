package hotline.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import hotline.gateway.infrastructure.broker.EmbeddedBroker;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.SampleCalls;
import hotline.gateway.support.SampleCalls.SampleCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every committed ticket reaches its queue exactly once, whatever the broker does in between. */
class BrokerOutageEndToEndTest extends GatewayIntegrationTest {

    @Autowired
    EmbeddedBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxRelay relay;

    @AfterEach
    void brokerRunsAgain() {
        if (!broker.isRunning()) {
            broker.start();
        }
    }

    @Test
    void aBrokerStoppedAndRestartedDuringIntakeLosesNothingAndDuplicatesNothing() throws Exception {
        List<SampleCall> samples = SampleCalls.all();
        Map<String, String> queueByTicket = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean posting = new AtomicBoolean(true);
        Thread hotline = new Thread(() -> {
            int i = 0;
            while (posting.get()) {
                SampleCall sample = samples.get(i++ % samples.size());
                Response response = gateway()
                        .postJson(
                                "/api/v1/calls",
                                sample.withCallId("OUTAGE-" + UUID.randomUUID()).toString());
                if (response.status() == 201) {
                    queueByTicket.put(response.json().get("ticketNo").asText(), sample.expectedQueue());
                } else {
                    failures.add(response.status() + " " + response.body());
                }
            }
        });
        hotline.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> queueByTicket.size() >= 10);
        broker.stop();
        int acceptedBeforeStop = queueByTicket.size();
        await().atMost(Duration.ofSeconds(20)).until(() -> queueByTicket.size() >= acceptedBeforeStop + 20);
        assertThat(pendingOutbox())
                .as("tickets wait in the outbox while the broker is down")
                .isPositive();
        assertThat(gateway().get("/actuator/health/readiness").status())
                .as("intake stays ready")
                .isEqualTo(200);
        assertThat(gateway().get("/actuator/health/dispatch").status())
                .as("dispatch is down")
                .isEqualTo(503);
        broker.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> queueByTicket.size() >= acceptedBeforeStop + 40);
        posting.set(false);
        hotline.join();

        assertThat(failures).as("intake answers while the broker is down").isEmpty();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(pendingOutbox()).isZero());
        List<String> notExactlyOnce = new ArrayList<>();
        for (Map.Entry<String, String> ticket : queueByTicket.entrySet()) {
            int copies = broker().count(ticket.getValue(), ticket.getKey());
            if (copies != 1) {
                notExactlyOnce.add(ticket.getKey() + " on " + ticket.getValue() + ": " + copies);
            }
        }
        assertThat(notExactlyOnce).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM ticket WHERE ticket_no = ANY (?) AND status = 'DISPATCHED'",
                        Integer.class,
                        (Object) queueByTicket.keySet().toArray(String[]::new)))
                .isEqualTo(queueByTicket.size());
    }

    @Test
    void aBatchSentAgainAfterACrashBeforeTheDatabaseCommitIsDroppedByTheBroker() {
        SampleCall sample = SampleCalls.byId("DEV-2026-0005");
        Response response = gateway()
                .postJson(
                        "/api/v1/calls",
                        sample.withCallId("RESEND-" + UUID.randomUUID()).toString());
        String ticketNo = response.json().get("ticketNo").asText();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(sentAt(ticketNo)).isNotNull());
        assertThat(broker().count(sample.expectedQueue(), ticketNo)).isEqualTo(1);

        // The broker committed the batch, then the gateway died before marking it sent: the row is pending again.
        jdbc.update("UPDATE outbox SET sent_at = NULL WHERE dedup_id = ?", ticketNo + ":1");
        relay.relayPending();

        assertThat(sentAt(ticketNo)).isNotNull();
        assertThat(broker().count(sample.expectedQueue(), ticketNo)).isEqualTo(1);
    }

    private Integer pendingOutbox() {
        return jdbc.queryForObject("SELECT count(*) FROM outbox WHERE sent_at IS NULL", Integer.class);
    }

    private Object sentAt(String ticketNo) {
        return jdbc.queryForObject("SELECT sent_at FROM outbox WHERE dedup_id = ?", Object.class, ticketNo + ":1");
    }
}
