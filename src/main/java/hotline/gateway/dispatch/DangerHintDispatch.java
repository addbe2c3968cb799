package hotline.gateway.dispatch;

import hotline.gateway.classification.DangerHints;
import hotline.gateway.classification.DangerLookRepository;
import hotline.gateway.classification.semantic.DangerScore;
import hotline.gateway.json.Json;
import hotline.gateway.ticket.Priority;
import hotline.gateway.ticket.message.DangerHintMessage;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives a ticket the second look's danger hint: the hint beside the rules' urgency, and a DANGER_HINT message to the
 * queue that holds the ticket now, through the outbox, in one statement: both or neither, and neither once a rule
 * has made the ticket urgent.
 */
public class DangerHintDispatch implements DangerHints {

    /* The destination is the queue the ticket is in when the hint is written (in Outbox.COLUMNS' order). */
    private static final String HINT_AND_MESSAGE = """
            WITH hinted AS (
                UPDATE ticket SET urgency = jsonb_set(coalesce(urgency, '{}'::jsonb), '{dangerHint}', ?::jsonb)
                WHERE id = ? AND priority = 'NORMAL'
                RETURNING id, queue
            )
            INSERT INTO outbox (ticket_id, %s)
            SELECT id, ?::text, ?::integer, queue, ?::text, ?::smallint, ?::text, ?::timestamptz, false, ?::text
            FROM hinted
            ON CONFLICT (dedup_id) DO NOTHING
            """.formatted(Outbox.COLUMNS);

    private final JdbcTemplate jdbc;
    private final Json json;

    public DangerHintDispatch(JdbcTemplate jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void give(DangerLookRepository.Pending ticket, DangerScore hint, Instant at) {
        jdbc.update(
                HINT_AND_MESSAGE,
                json.write(hint),
                ticket.ticketId(),
                ticket.ticketNo(),
                ticket.ticketVersion(),
                DuplicateId.dangerHint(ticket.ticketNo()).value(),
                Priority.NORMAL.jmsPriority(),
                json.write(DangerHintMessage.of(ticket.ticketNo(), ticket.ticketVersion(), hint, at)),
                Timestamp.from(at),
                DangerHintMessage.TYPE);
    }
}
