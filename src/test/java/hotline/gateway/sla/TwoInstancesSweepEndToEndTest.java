package hotline.gateway.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import hotline.gateway.HotlineGatewayApplication;
import hotline.gateway.assignment.AssignmentRepository;
import hotline.gateway.dispatch.Outbox;
import hotline.gateway.json.Json;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.Tickets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two gateway instances on one database and one broker sweep the same breaches at the same time: every breach is
 * escalated exactly once, in the database and on the broker.
 */
class TwoInstancesSweepEndToEndTest extends GatewayIntegrationTest {

    private static final int TICKETS = 40;
    private static final String OFFICE = "310104011";
    private static final int BATCH = 5;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AssignmentRepository assignments;

    @Autowired
    Json json;

    @Autowired
    Outbox outbox;

    @Test
    void aBreachIsEscalatedOnceWhileTwoInstancesSweep() throws Exception {
        // Early January 2026, before the deadlines of the other tests' 2026 tickets.
        CLOCK.set(OffsetDateTime.parse("2026-01-05T10:00:00+08:00").toInstant());
        Tickets tickets = new Tickets(gateway());
        List<String> ticketNos = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            // Received just before the clock: a call cannot be received more than a day after the gateway's now.
            ticketNos.add(tickets.newCallResponse(OFFICE, false, "2026-01-05T09:58:00+08:00")
                    .json()
                    .get("ticketNo")
                    .asText());
        }

        try (ConfigurableApplicationContext second = startSecondInstance()) {
            SlaSweep secondSweeper = second.getBean(SlaSweep.class);
            // Small batches on both sides, so that the two instances' batches interleave.
            SlaSweep sweeper = new SlaSweep(jdbc, transaction, assignments, outbox, json, CLOCK, BATCH);
            // Past the sign-for deadline (4 working hours) of every ticket: 40 breaches due at once.
            CLOCK.advance(Duration.ofHours(4).plusMinutes(1));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (SlaSweep instance : List.of(sweeper, secondSweeper, sweeper, secondSweeper)) {
                Callable<Integer> sweep = () -> {
                    start.await();
                    return instance.sweepDue();
                };
                sweeps.add(pool.submit(sweep));
            }
            start.countDown();
            int recorded = 0;
            List<Integer> perSweep = new ArrayList<>();
            for (Future<Integer> sweep : sweeps) {
                perSweep.add(sweep.get());
                recorded += sweep.get();
            }
            System.out.println("breaches recorded per sweep (first instance, second, first, second): " + perSweep);
            pool.shutdown();
            // Tickets of other tests due by then are swept too: each ticket of this test is checked below.
            assertThat(recorded).isGreaterThanOrEqualTo(TICKETS);

            String[] numbers = ticketNos.toArray(String[]::new);
            assertThat(jdbc.queryForList(
                            "SELECT count(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id "
                                    + "WHERE t.ticket_no = ANY (?) AND e.type = 'ESCALATED' GROUP BY t.id",
                            Integer.class,
                            (Object) numbers))
                    .hasSize(TICKETS)
                    .containsOnly(1);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM outbox o JOIN ticket t ON t.id = o.ticket_id "
                                    + "WHERE t.ticket_no = ANY (?) AND o.destination = 'escalations.310104'",
                            Integer.class,
                            (Object) numbers))
                    .isEqualTo(TICKETS);
            for (String ticketNo : ticketNos) {
                assertThat(broker().take("escalations.310104", ticketNo, 10_000))
                        .as(ticketNo)
                        .hasSize(1);
            }
        }
    }

    /** A second gateway on this test's PostgreSQL and Artemis, with the same clock. */
    private ConfigurableApplicationContext startSecondInstance() throws java.sql.SQLException {
        // The pool is behind the database circuit; unwrap it for its URL.
        String jdbcUrl = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        Clock clock = CLOCK;
        return new SpringApplicationBuilder(HotlineGatewayApplication.class)
                .initializers(context ->
                        ((GenericApplicationContext) context).registerBean("clock", Clock.class, () -> clock))
                .properties(Map.of(
                        "DB_URL",
                        jdbcUrl,
                        "DB_USER",
                        "postgres",
                        "DB_PASSWORD",
                        "",
                        "BROKER_URL",
                        "tcp://127.0.0.1:" + BROKER_PORT,
                        "server.port",
                        "0",
                        "management.server.port",
                        "0",
                        "hotline.inbox.dir",
                        DATA.resolve("inbox-second").toString(),
                        "hotline.sla.sweep-period",
                        "1h",
                        "hotline.sla.sweep-batch-size",
                        String.valueOf(BATCH)))
                .run();
    }
}
