package hotline.gateway.workflow;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.jurisdiction.Assignment;
import hotline.gateway.jurisdiction.AssignmentLevel;
import hotline.gateway.jurisdiction.ResolutionRule;
import hotline.gateway.ticket.Priority;
import hotline.gateway.ticket.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The ticket side of the workflow: the locked ticket row and its events. */
@Repository
public class TicketEventRepository {

    private static final String LOCK_TICKET = """
            SELECT id, ticket_no, priority, primary_need, status, version, assigned_level, assigned_code,
                   assigned_name, assigned_rule, assigned_detail, assigned_district, assignment_seq, reopened,
                   extended, escalated
            FROM ticket WHERE ticket_no = ? FOR UPDATE
            """;
    private static final String FIND_EVENT =
            "SELECT event_hash, office_code FROM ticket_event WHERE ticket_id = ? AND event_id = ?";
    private static final String UPDATE_TICKET = """
            UPDATE ticket SET status = ?, version = ?, assigned_level = ?, assigned_code = ?, assigned_name = ?,
                              assigned_rule = ?, assigned_detail = ?, queue = ?, assigned_district = ?,
                              assignment_seq = ?, reopened = ?, extended = ?, escalated = ?, updated_at = ?
            WHERE id = ?
            """;
    private static final String INSERT_EVENT = """
            INSERT INTO ticket_event (ticket_id, type, status, actor, reason, occurred_at, data, event_id,
                                      event_hash, office_code, assignment_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            RETURNING id
            """;
    private final JdbcTemplate jdbc;

    public TicketEventRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ticket, locked until the transaction ends: its events are applied one at a time. */
    public Optional<TicketRecord> lock(String ticketNo) {
        return jdbc.query(LOCK_TICKET, (rs, row) -> ticket(rs), ticketNo).stream()
                .findFirst();
    }

    /** The ticket's event with this sender's id, if it was received before. */
    public Optional<RecordedEvent> recorded(long ticketId, String eventId) {
        return jdbc
                .query(
                        FIND_EVENT,
                        (rs, row) -> new RecordedEvent(rs.getBytes("event_hash"), rs.getString("office_code")),
                        ticketId,
                        eventId)
                .stream()
                .findFirst();
    }

    public void update(TicketRecord ticket, Instant now) {
        Assignment a = ticket.assignment;
        jdbc.update(
                UPDATE_TICKET,
                ticket.status.name(),
                ticket.version,
                a.level().name(),
                a.code(),
                a.name(),
                a.rule().name(),
                a.detail(),
                a.queue(),
                ticket.district,
                ticket.assignmentSeq,
                ticket.reopened,
                ticket.extended,
                ticket.escalated,
                Timestamp.from(now),
                ticket.id);
    }

    /** Appends an event; returns its id. */
    public long insertEvent(
            long ticketId,
            String type,
            TicketStatus status,
            String actor,
            String reason,
            Instant occurredAt,
            String dataJson,
            String eventId,
            byte[] eventHash,
            String office,
            int assignmentSeq) {
        return jdbc.queryForObject(
                INSERT_EVENT,
                Long.class,
                ticketId,
                type,
                status.name(),
                actor,
                reason,
                Timestamp.from(occurredAt),
                dataJson,
                eventId,
                eventHash,
                office,
                assignmentSeq);
    }

    /** What a need correction reads: the request's text and household, and the ticket's needs as stored. */
    public record RequestFacts(
            String text, List<String> names, String householdJson, OffsetDateTime receivedAt, String needsJson) {}

    public RequestFacts requestFacts(long ticketId) {
        return jdbc.queryForObject(
                """
                SELECT concat_ws(' ', r.content, r.findings) AS text, r.subject ->> 'name' AS subject_name,
                       r.household::text AS household, r.received_at, t.needs::text AS needs
                FROM ticket t JOIN service_request r ON r.id = t.request_id WHERE t.id = ?
                """,
                (rs, row) -> new RequestFacts(
                        rs.getString("text"),
                        rs.getString("subject_name") == null ? List.of() : List.of(rs.getString("subject_name")),
                        rs.getString("household"),
                        rs.getObject("received_at", OffsetDateTime.class),
                        rs.getString("needs")),
                ticketId);
    }

    /** The ticket's needs and assessment after a correction. */
    public void updateNeeds(long ticketId, NeedCode primary, String needsJson, String assessmentJson) {
        jdbc.update(
                "UPDATE ticket SET primary_need = ?, needs = ?::jsonb, assessment = ?::jsonb WHERE id = ?",
                primary.name(),
                needsJson,
                assessmentJson,
                ticketId);
    }

    /** An event received before: what it was (its hash) and for which office. */
    public record RecordedEvent(byte[] hash, String office) {}

    private static TicketRecord ticket(ResultSet rs) throws SQLException {
        Assignment assignment = new Assignment(
                AssignmentLevel.valueOf(rs.getString("assigned_level")),
                rs.getString("assigned_code"),
                rs.getString("assigned_name"),
                ResolutionRule.valueOf(rs.getString("assigned_rule")),
                rs.getString("assigned_detail"));
        return new TicketRecord(
                rs.getLong("id"),
                rs.getString("ticket_no"),
                Priority.valueOf(rs.getString("priority")),
                NeedCode.valueOf(rs.getString("primary_need")),
                TicketStatus.valueOf(rs.getString("status")),
                rs.getInt("version"),
                assignment,
                rs.getString("assigned_district"),
                rs.getInt("assignment_seq"),
                rs.getInt("reopened"),
                rs.getBoolean("extended"),
                rs.getBoolean("escalated"));
    }
}
