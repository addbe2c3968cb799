package hotline.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.cluster.CallLoad.Result;
import hotline.gateway.cluster.CallLoad.Route;
import hotline.gateway.cluster.OfficeConsumer.Received;
import hotline.gateway.security.ApiKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production layout on one host, with its failures: two standalone Artemis 2.40 nodes as a primary/backup pair
 * with shared-nothing replication (made from the Artemis distribution with config/artemis/cluster), one PostgreSQL,
 * and two gateway instances (the packaged jar) against both. The hotline system posts calls spread over the two
 * gateways while offices and desks read their queues through the pair; mid-run the primary broker and the second
 * gateway are killed with SIGKILL and brought back (the primary takes over again from the backup). Then: every
 * accepted call is exactly one ticket and exactly one message read by its office, from its own queue; every breach
 * (a one-minute sign target for urgent tickets, set in this test's SLA policy) is escalated exactly once; the outbox
 * drains.
 *
 * <p>Needs {@code mvn verify} (the packaged jar and the Artemis distribution unpacked into target/ by the
 * pre-integration-test phase). {@code -Dcluster.calls=N} runs it with fewer calls.
 */
class ClusterIntegrationTest {

    private static final int CALLS = Integer.getInteger("cluster.calls", 10_000);
    private static final int CLIENTS = 8;
    private static final String OPERATOR_KEY = ApiKeys.generate();

    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final List<AutoCloseable> cleanup = Collections.synchronizedList(new ArrayList<>());

    @Test
    void callsOverTwoGatewaysAndABrokerPairSurviveKillingABrokerAndAGateway() throws Exception {
        long began = System.nanoTime();
        Path project = Path.of("").toAbsolutePath();
        Path work = project.resolve("target/cluster-test/" + runId);
        Files.createDirectories(work);
        Path artemisHome = single(project.resolve("target/artemis"), "apache-artemis-", "");
        Path jar = single(project.resolve("target"), "hotline-gateway-", ".jar");
        // Should this JVM be stopped mid-run, the brokers and gateways it started go with it.
        Thread onExit = new Thread(this::closeAll);
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            run(project, work, artemisHome, jar, began);
        } finally {
            closeAll();
            Runtime.getRuntime().removeShutdownHook(onExit);
        }
    }

    private synchronized void closeAll() {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            try {
                cleanup.get(i).close();
            } catch (Exception e) {
                System.out.println("cluster test: cleanup: " + e);
            }
        }
        cleanup.clear();
    }

    private void run(Path project, Path work, Path artemisHome, Path jar, long began) throws Exception {
        // One PostgreSQL, reached over TCP by both gateways.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(true)
                .start();
        cleanup.add(postgres);
        JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());

        // The broker pair.
        int primaryPort = freePort();
        int backupPort = freePort();
        String primaryUrl = "tcp://127.0.0.1:" + primaryPort;
        String backupUrl = "tcp://127.0.0.1:" + backupPort;
        Process createPrimary = BrokerNode.create(project, artemisHome, work.resolve("broker-primary"));
        Process createBackup = BrokerNode.create(project, artemisHome, work.resolve("broker-backup"));
        assertThat(createPrimary.waitFor()).as("create-instance.sh primary").isZero();
        assertThat(createBackup.waitFor()).as("create-instance.sh backup").isZero();
        BrokerNode primary =
                new BrokerNode("primary", "backup", work.resolve("broker-primary"), primaryPort, primaryUrl, backupUrl);
        BrokerNode backup =
                new BrokerNode("backup", "primary", work.resolve("broker-backup"), backupPort, primaryUrl, backupUrl);
        cleanup.add(primary::stop);
        cleanup.add(backup::stop);
        primary.start();
        backup.start();
        primary.awaitLog(Duration.ofMinutes(4), "AMQ221007"); // Server is now active
        backup.awaitLog(Duration.ofMinutes(4), "AMQ221024"); // Backup server ... is synchronized with primary server
        String brokerUrl = "(" + primaryUrl + "," + backupUrl + ")?ha=true&reconnectAttempts=-1";
        log(began, "broker pair up, backup synchronized: " + brokerUrl);

        // Two gateways from the packaged jar: production's environment, and an SLA policy whose urgent sign target
        // breaches within the run.
        Path slaPolicy = work.resolve("sla.yml");
        Files.writeString(slaPolicy, SLA_POLICY, StandardCharsets.UTF_8);
        Map<String, String> environment = new HashMap<>();
        environment.put("DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        environment.put("DB_USER", "postgres");
        environment.put("DB_PASSWORD", "");
        environment.put("BROKER_URL", brokerUrl);
        environment.put("BROKER_USER", "gateway");
        environment.put("BROKER_PASSWORD", "gateway-local");
        environment.put("HOTLINE_OPERATOR_KEY_SHA256", HexFormat.of().formatHex(ApiKeys.hash(OPERATOR_KEY)));
        environment.put("HOTLINE_SLA_POLICY", slaPolicy.toString());
        environment.put("HOTLINE_SLA_SWEEP_PERIOD", "2s");
        // The calls here are ones the dictionary is sure of; the sentence models would only cost start-up time.
        environment.put("HOTLINE_CLASSIFICATION_SEMANTIC_ENABLED", "false");
        List<GatewayProcess> gateways = new ArrayList<>();
        for (String name : List.of("gateway-1", "gateway-2")) {
            GatewayProcess gateway = new GatewayProcess(name, jar, project, work, freePort(), freePort(), environment);
            cleanup.add(gateway::stop);
            gateways.add(gateway);
            gateway.start();
        }
        for (GatewayProcess gateway : gateways) {
            gateway.awaitReady(Duration.ofMinutes(10));
        }
        GatewayProcess second = gateways.get(1);
        log(began, "gateways ready on ports " + gateways.get(0).port() + " and " + second.port());

        String hotlineKey = createHotlineClient(gateways.get(0).port());

        // Offices and desks, each with its own broker user, reading through the pair.
        List<OfficeConsumer> consumers = new ArrayList<>();
        for (String[] office : new String[][] {
            {"office-310104003", "office-local", "tickets.310104003"},
            {"office-310101002", "office-local", "tickets.310101002"},
            {"desk-310104", "desk-local", "triage.310104"},
            {"desk-310104", "desk-local", "escalations.310104"},
            {"desk-city", "desk-local", "triage.city"}
        }) {
            OfficeConsumer consumer = new OfficeConsumer(brokerUrl, office[0], office[1], office[2]);
            cleanup.add(consumer);
            consumers.add(consumer);
        }

        // The calls, with a broker and a gateway killed and brought back while they come in.
        ExecutorService chaos = Executors.newSingleThreadExecutor();
        List<Future<?>> steps = new ArrayList<>();
        AtomicBoolean[] fired = {new AtomicBoolean(), new AtomicBoolean(), new AtomicBoolean(), new AtomicBoolean()};
        CallLoad load = new CallLoad(gateways, hotlineKey, runId);
        long postingBegan = System.nanoTime();
        load.post(CALLS, CLIENTS, done -> {
            if (done >= CALLS / 5 && fired[0].compareAndSet(false, true)) {
                steps.add(chaos.submit(() -> {
                    long killed = System.nanoTime();
                    primary.kill();
                    log(began, "killed the primary broker (kill -9) after " + done + " calls");
                    // The primary comes back only once the backup has taken over, as an operator would do it.
                    backup.awaitLog(Duration.ofMinutes(4), "AMQ221007"); // Server is now active
                    log(
                            began,
                            String.format("backup active %.1f s after the kill", (System.nanoTime() - killed) / 1e9));
                }));
            }
            if (done >= CALLS * 35 / 100 && fired[1].compareAndSet(false, true)) {
                steps.add(chaos.submit(() -> {
                    second.kill();
                    log(began, "killed " + second.name() + " (kill -9) after " + done + " calls");
                }));
            }
            if (done >= CALLS / 2 && fired[2].compareAndSet(false, true)) {
                steps.add(chaos.submit(() -> {
                    primary.start();
                    log(began, "started the primary broker again after " + done + " calls");
                }));
            }
            if (done >= CALLS * 6 / 10 && fired[3].compareAndSet(false, true)) {
                steps.add(chaos.submit(() -> {
                    second.start();
                    second.awaitReady(Duration.ofMinutes(10));
                    log(began, second.name() + " ready again");
                }));
            }
        });
        double postingSeconds = (System.nanoTime() - postingBegan) / 1e9;
        log(
                began,
                String.format(
                        "%d calls answered in %.1f s (%.0f calls/s)", CALLS, postingSeconds, CALLS / postingSeconds));
        chaos.shutdown();
        assertThat(chaos.awaitTermination(8, TimeUnit.MINUTES))
                .as("kills and restarts done")
                .isTrue();
        for (Future<?> step : steps) {
            step.get();
        }
        assertThat(steps).as("kills and restarts").hasSize(4);
        // The restarted primary copies the journal back from the backup and becomes active again (failback).
        primary.awaitLog(Duration.ofMinutes(5), "AMQ221024", "AMQ221007");
        log(began, "primary broker active again (failback)");

        Map<String, Result> results = load.results();
        List<String> urgentCalls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            if (CallLoad.urgent(i)) {
                urgentCalls.add(load.callId(i));
            }
        }
        String like = "CL-" + runId + "-%";

        // Wait for everything to arrive: the outbox drained, a dispatch for every ticket, a breach for every urgent
        // one.
        await(Duration.ofMinutes(5), "outbox drained, every dispatch and breach delivered", () -> {
            Integer pending = db.queryForObject("SELECT count(*) FROM outbox WHERE sent_at IS NULL", Integer.class);
            Integer escalatedEvents = db.queryForObject(
                    "SELECT count(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id"
                            + " JOIN service_request r ON r.id = t.request_id"
                            + " WHERE e.type = 'ESCALATED' AND r.external_id LIKE ?",
                    Integer.class,
                    like);
            List<Received> all = received(consumers);
            return pending == 0
                    && ticketsWith(all, "TICKET_DISPATCH").size() >= CALLS
                    && escalatedEvents >= urgentCalls.size()
                    && ticketsWith(all, "SLA_BREACH").size() >= urgentCalls.size();
        });
        // Time for a message sent twice, or a breach escalated twice, to show up.
        Thread.sleep(5_000);
        List<Received> received = received(consumers);

        SoftAssertions softly = new SoftAssertions();
        // Every call answered 201 or 200 (the same ticket again, after a retry of a call the killed gateway had taken).
        softly.assertThat(results).as("calls answered").hasSize(CALLS);
        Map<Integer, Long> statuses =
                results.values().stream().collect(Collectors.groupingBy(Result::status, Collectors.counting()));
        softly.assertThat(statuses.keySet()).as("statuses of the calls").isSubsetOf(Set.of(200, 201));
        softly.assertThat(statuses.get(201)).as("calls answered 201").isNotNull();

        // Exactly one ticket per call, the one the answer named, on the queue its location decides.
        Map<String, Map<String, Object>> tickets = new HashMap<>();
        db.queryForList(
                        "SELECT r.external_id, t.ticket_no, t.queue, t.priority FROM ticket t"
                                + " JOIN service_request r ON r.id = t.request_id WHERE r.external_id LIKE ?",
                        like)
                .forEach(row -> {
                    Object previous = tickets.put((String) row.get("external_id"), row);
                    softly.assertThat(previous)
                            .as("a second ticket for " + row.get("external_id"))
                            .isNull();
                });
        softly.assertThat(tickets).as("tickets of the run").hasSize(CALLS);
        Map<String, String> queueOfTicket = new HashMap<>();
        for (int i = 0; i < CALLS; i++) {
            String callId = load.callId(i);
            Map<String, Object> ticket = tickets.get(callId);
            Result result = results.get(callId);
            if (ticket == null || result == null) {
                softly.fail("call " + callId + ": ticket " + ticket + ", answer " + result);
                continue;
            }
            softly.assertThat(ticket.get("ticket_no")).as("ticket of " + callId).isEqualTo(result.ticketNo());
            softly.assertThat(ticket.get("queue")).as("queue of " + callId).isEqualTo(expectedQueue(CallLoad.route(i)));
            softly.assertThat(ticket.get("priority"))
                    .as("priority of " + callId)
                    .isEqualTo(CallLoad.urgent(i) ? "URGENT" : "NORMAL");
            queueOfTicket.put(result.ticketNo(), (String) ticket.get("queue"));
        }

        // Exactly one dispatch message per ticket (one broker message id; a redelivery after a failover keeps its
        // id), read from the queue of the ticket's office and naming that office; none for another office.
        Map<String, List<Received>> dispatches = byTicket(received, "TICKET_DISPATCH");
        softly.assertThat(dispatches.keySet()).as("tickets dispatched").isEqualTo(queueOfTicket.keySet());
        dispatches.forEach((ticketNo, messages) -> {
            softly.assertThat(distinctIds(messages))
                    .as("dispatch messages of " + ticketNo)
                    .hasSize(1);
            for (Received message : messages) {
                softly.assertThat(message.queue())
                        .as("queue " + ticketNo + " was read from")
                        .isEqualTo(queueOfTicket.get(ticketNo));
                softly.assertThat(message.queue())
                        .as("office named in " + ticketNo + "'s message")
                        .endsWith("." + message.assignedCode());
            }
        });

        // Every breach escalated exactly once: one event and one message per urgent ticket, none for the others.
        Set<String> urgentTickets = urgentCalls.stream()
                .map(results::get)
                .filter(Objects::nonNull)
                .map(Result::ticketNo)
                .collect(Collectors.toSet());
        Map<String, Integer> escalations = new HashMap<>();
        db.queryForList(
                        "SELECT t.ticket_no, count(*) AS n FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id"
                                + " JOIN service_request r ON r.id = t.request_id"
                                + " WHERE e.type = 'ESCALATED' AND r.external_id LIKE ? GROUP BY t.ticket_no",
                        like)
                .forEach(row -> escalations.put((String) row.get("ticket_no"), ((Number) row.get("n")).intValue()));
        softly.assertThat(escalations.keySet()).as("tickets escalated").isEqualTo(urgentTickets);
        softly.assertThat(Set.copyOf(escalations.values()))
                .as("escalations per ticket")
                .containsOnly(1);
        Map<String, List<Received>> breaches = byTicket(received, "SLA_BREACH");
        softly.assertThat(breaches.keySet()).as("tickets with a breach message").isEqualTo(urgentTickets);
        breaches.forEach((ticketNo, messages) -> softly.assertThat(distinctIds(messages))
                .as("breach messages of " + ticketNo)
                .hasSize(1));
        byTicket(received, "SLA_WARNING")
                .forEach((ticketNo, messages) -> softly.assertThat(distinctIds(messages))
                        .as("warning messages of " + ticketNo)
                        .hasSize(1));

        // The outbox drained; the offices saw no error.
        softly.assertThat(db.queryForObject("SELECT count(*) FROM outbox WHERE sent_at IS NULL", Integer.class))
                .as("outbox rows not sent")
                .isZero();
        for (OfficeConsumer consumer : consumers) {
            softly.assertThat(consumer.errors())
                    .as("errors of the consumer of " + consumer.queue())
                    .isEmpty();
        }

        // The same broker message delivered again (its acknowledgement lost in a failover) keeps its id.
        long deliveredAgain = received.size()
                - received.stream()
                        .map(r -> r.queue() + " " + r.messageId())
                        .distinct()
                        .count();
        Map<String, Long> byType =
                received.stream().collect(Collectors.groupingBy(Received::messageType, Collectors.counting()));
        int interruptions = consumers.stream()
                .mapToInt(consumer -> consumer.interruptions().size())
                .sum();
        System.out.printf(
                "cluster test: %d calls (%s) over 2 gateways in %.1f s (%.0f calls/s, %d attempts sent again);"
                        + " %d messages read by offices %s (%d deliveries of a message again, %d connection"
                        + " failovers), %d breaches escalated;"
                        + " primary broker and %s killed and brought back; whole test %.1f s%n",
                CALLS,
                statuses,
                postingSeconds,
                CALLS / postingSeconds,
                load.retried(),
                received.size(),
                byType,
                deliveredAgain,
                interruptions,
                escalations.size(),
                second.name(),
                (System.nanoTime() - began) / 1e9);
        softly.assertAll();
    }

    private static final String SLA_POLICY = """
            # ClusterIntegrationTest: urgent tickets breach their sign target a minute after they are made.
            calendar:
              zone: Asia/Shanghai
              working-hours: 09:00-17:00
            warn-at: 0.8
            priorities:
              URGENT:
                sign: 1 minutes
                contact: 60 minutes
                resolve: 24 hours
              NORMAL:
                sign: 24 hours
                contact: 48 hours
                resolve: 120 hours
            dispatch-desk:
              reassign: 24 hours
            extension:
              max-resolve: 15 working days
            """;

    private static String expectedQueue(Route route) {
        return switch (route) {
            case TOWN_310104003 -> "tickets.310104003";
            case TOWN_310101002 -> "tickets.310101002";
            case DISTRICT_310104 -> "triage.310104";
            case CITY -> "triage.city";
        };
    }

    /** The API client the hotline system uses, made by the operator over the admin API as in production. */
    private static String createHotlineClient(int port) throws IOException, InterruptedException {
        String operator = "Basic "
                + Base64.getEncoder().encodeToString(("operator:" + OPERATOR_KEY).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/admin/clients"))
                                .header("Authorization", operator)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"id\": \"hotline-system\", \"role\": \"HOTLINE\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("hotline client made: " + response.body())
                .isEqualTo(201);
        return new ObjectMapper().readTree(response.body()).at("/key/key").asText();
    }

    private static List<Received> received(List<OfficeConsumer> consumers) {
        return consumers.stream().flatMap(c -> c.received().stream()).toList();
    }

    private static Set<String> ticketsWith(List<Received> received, String messageType) {
        return received.stream()
                .filter(r -> messageType.equals(r.messageType()))
                .map(Received::ticketNo)
                .collect(Collectors.toSet());
    }

    private static Map<String, List<Received>> byTicket(List<Received> received, String messageType) {
        return received.stream()
                .filter(r -> messageType.equals(r.messageType()))
                .collect(Collectors.groupingBy(Received::ticketNo));
    }

    private static Set<String> distinctIds(List<Received> messages) {
        return messages.stream().map(Received::messageId).collect(Collectors.toSet());
    }

    private static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(1_000);
        }
    }

    private static Path single(Path dir, String prefix, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    dir + " is missing: run through mvn verify (package, pre-integration-test)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith(prefix) && name.endsWith(suffix);
                    })
                    .toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one " + prefix + "*" + suffix + " in " + dir + ": " + found);
            }
            return found.get(0);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(long began, String message) {
        System.out.printf("cluster test %6.1f s: %s%n", (System.nanoTime() - began) / 1e9, message);
    }
}
