package hotline.gateway.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: takes pending rows in batches (locked with SKIP LOCKED, so several gateway instances share
 * the work), sends them in one broker transaction, then marks them sent and their tickets DISPATCHED. A crash after
 * the broker committed and before the database did sends the batch again; the broker's duplicate detection drops it.
 * Sent rows are kept: a ticket's first dispatch message is the template of any later one (see Redispatch).
 * While the broker is down the rows wait, and the relay backs off up to a ceiling.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String TAKE_PENDING = """
            SELECT o.id, o.ticket_id, o.ticket_no, o.ticket_version, o.destination, o.dedup_id, o.priority, o.payload, o.message_type,
                   -- Only a ticket still CREATED becomes DISPATCHED (an office may have signed it already).
                   o.announces_dispatch AND t.status = 'CREATED' AS announces_dispatch
            FROM outbox o JOIN ticket t ON t.id = o.ticket_id
            WHERE o.sent_at IS NULL
            ORDER BY o.id LIMIT ?
            FOR UPDATE OF o SKIP LOCKED
            """;
    private static final String MARK_SENT = "UPDATE outbox SET sent_at = ? WHERE id = ANY (?)";
    /* A dispatch of a CREATED ticket makes it DISPATCHED, recorded as an event (the relay announced it already). */
    private static final String MARK_DISPATCHED = """
            WITH dispatched AS (
                UPDATE ticket SET status = 'DISPATCHED', updated_at = ?
                WHERE id = ANY (?) AND status = 'CREATED'
                RETURNING id, queue, assigned_code, assignment_seq
            )
            INSERT INTO ticket_event (ticket_id, type, status, actor, occurred_at, data, office_code, assignment_seq)
            SELECT id, 'DISPATCHED', 'DISPATCHED', 'gateway', ?, jsonb_build_object('queue', queue), assigned_code,
                   assignment_seq
            FROM dispatched
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TicketPublisher publisher;
    private final Clock clock;
    private final int batchSize;
    private final Duration maxBackoff;
    private Duration backoff = Duration.ZERO;
    /* System.nanoTime, not the clock: a backoff is a pause of this process, not a time of the domain. */
    private long pausedUntilNanos = System.nanoTime();

    public OutboxRelay(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            TicketPublisher publisher,
            Clock clock,
            int batchSize,
            Duration maxBackoff) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.publisher = publisher;
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxBackoff = maxBackoff;
    }

    /** Sends everything pending, batch after batch; returns how many messages went out. */
    public synchronized int relayPending() {
        if (System.nanoTime() - pausedUntilNanos < 0) {
            return 0;
        }
        int sent = 0;
        try {
            int batch;
            do {
                batch = relayBatch();
                sent += batch;
            } while (batch == batchSize);
            if (!backoff.isZero()) {
                log.info("Outbox relay delivering again");
                backoff = Duration.ZERO;
            }
        } catch (RuntimeException e) {
            backOff(e);
        }
        return sent;
    }

    int relayBatch() {
        Integer sent = transaction.execute(status -> {
            List<PendingMessage> pending = jdbc.query(
                    TAKE_PENDING,
                    (rs, row) -> new PendingMessage(
                            rs.getLong("id"),
                            rs.getLong("ticket_id"),
                            rs.getString("ticket_no"),
                            rs.getInt("ticket_version"),
                            rs.getString("destination"),
                            rs.getString("dedup_id"),
                            rs.getInt("priority"),
                            rs.getString("payload"),
                            rs.getBoolean("announces_dispatch"),
                            rs.getString("message_type")),
                    batchSize);
            if (pending.isEmpty()) {
                return 0;
            }
            publisher.publish(pending);
            Timestamp now = Timestamp.from(clock.instant());
            Long[] outboxIds = pending.stream().map(PendingMessage::id).toArray(Long[]::new);
            Long[] dispatchedTickets = pending.stream()
                    .filter(PendingMessage::announcesDispatch)
                    .map(PendingMessage::ticketId)
                    .toArray(Long[]::new);
            jdbc.update(connection -> {
                var statement = connection.prepareStatement(MARK_SENT);
                statement.setTimestamp(1, now);
                statement.setArray(2, connection.createArrayOf("bigint", outboxIds));
                return statement;
            });
            jdbc.update(connection -> {
                var statement = connection.prepareStatement(MARK_DISPATCHED);
                statement.setTimestamp(1, now);
                statement.setArray(2, connection.createArrayOf("bigint", dispatchedTickets));
                statement.setTimestamp(3, now);
                return statement;
            });
            return pending.size();
        });
        return sent == null ? 0 : sent;
    }

    private void backOff(RuntimeException e) {
        boolean firstFailure = backoff.isZero();
        backoff = firstFailure ? Duration.ofMillis(500) : min(backoff.multipliedBy(2), maxBackoff);
        pausedUntilNanos = System.nanoTime() + backoff.toNanos();
        if (firstFailure) {
            log.warn("Outbox relay cannot deliver, retrying with backoff up to {}: {}", maxBackoff, rootMessage(e), e);
        } else {
            log.debug("Outbox relay still cannot deliver: {}", rootMessage(e));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
