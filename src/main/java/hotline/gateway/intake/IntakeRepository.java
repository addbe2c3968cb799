package hotline.gateway.intake;

import hotline.gateway.assignment.AssignmentRecord;
import hotline.gateway.assignment.AssignmentRepository;
import hotline.gateway.dispatch.DuplicateId;
import hotline.gateway.dispatch.Outbox;
import hotline.gateway.dispatch.OutboxMessage;
import hotline.gateway.json.Json;
import hotline.gateway.ticket.TicketRows;
import hotline.gateway.ticket.TicketSummary;
import hotline.gateway.ticket.message.TicketMessage;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.stereotype.Repository;

/**
 * Stores a request with its ticket, first event and outbox message, or finds the ticket of an earlier request
 * with the same (source, external id).
 */
@Repository
public class IntakeRepository {

    /*
     * One statement, hence one transaction and one round trip: the request row (skipped when its (source, external
     * id) exists), then the ticket, its first assignment with its SLA targets, its CREATED event and its outbox
     * message, each only if the row before was made.
     */
    private static final String INSERT_REQUEST_AND_TICKET = """
            WITH request AS (
                INSERT INTO service_request (source, external_id, body_hash, received_at, channel, content, findings,
                                             subject, location, household, details, created_at, warnings)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?::jsonb)
                ON CONFLICT (source, external_id) DO NOTHING
                RETURNING id
            ), ticket AS (
                INSERT INTO ticket (ticket_no, request_id, status, priority, primary_need, needs, urgency, assessment,
                                    assigned_level, assigned_code, assigned_name, assigned_rule, assigned_detail,
                                    queue, assigned_district, created_at, updated_at, tracking_code)
                SELECT ?, request.id, 'CREATED', ?, ?, ?::jsonb, ?::jsonb, ?::jsonb,
                       ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM request
                RETURNING id
            ), assignment AS (
                INSERT INTO ticket_assignment (ticket_id, %s)
                SELECT ticket.id, %s FROM ticket
            ), event AS (
                INSERT INTO ticket_event (ticket_id, type, status, actor, occurred_at, data)
                SELECT ticket.id, 'CREATED', 'CREATED', 'gateway', ?, jsonb_build_object('queue', ?::text) FROM ticket
            )
            INSERT INTO outbox (ticket_id, %s)
            SELECT ticket.id, %s FROM ticket
            RETURNING ticket_id
            """.formatted(
                    AssignmentRepository.insertColumns(),
                    AssignmentRepository.insertPlaceholders(),
                    Outbox.COLUMNS,
                    Outbox.PLACEHOLDERS);

    private static final String FIND_BY_EXTERNAL_ID = """
            SELECT r.body_hash, t.id, t.assignment_seq, t.ticket_no, t.tracking_code, t.status, t.priority, t.needs,
                   t.assessment,
                   t.assigned_level, t.assigned_code, t.assigned_name, t.assigned_rule, t.assigned_detail
            FROM service_request r JOIN ticket t ON t.request_id = r.id
            WHERE r.source = ? AND r.external_id = ?
            """;

    private final JdbcTemplate jdbc;
    private final Json json;
    private final AssignmentRepository assignments;

    public IntakeRepository(JdbcTemplate jdbc, Json json, AssignmentRepository assignments) {
        this.jdbc = jdbc;
        this.json = json;
        this.assignments = assignments;
    }

    /**
     * Several tickets made elsewhere (outreach's proactive visits), each with its request, first assignment, event and
     * dispatch message exactly as {@link #insert} writes them, in one JDBC batch in the caller's transaction. A ticket
     * whose (source, external id) exists is skipped.
     *
     * @return per ticket, true when stored now
     */
    public boolean[] insertAll(List<NewTicket> tickets) {
        if (tickets.isEmpty()) {
            return new boolean[0];
        }
        int[] counts = jdbc.execute((java.sql.Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT_BATCH)) {
                for (NewTicket ticket : tickets) {
                    bind(statement, ticket);
                    statement.addBatch();
                }
                return statement.executeBatch();
            }
        });
        boolean[] stored = new boolean[tickets.size()];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = counts != null && counts[i] != 0;
        }
        return stored;
    }

    private static final String INSERT_BATCH = INSERT_REQUEST_AND_TICKET
            .strip()
            .substring(0, INSERT_REQUEST_AND_TICKET.strip().lastIndexOf("RETURNING"));

    /** True when stored; false when a request with this (source, external id) already exists. */
    boolean insert(NewTicket ticket) {
        List<Long> ids = jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(INSERT_REQUEST_AND_TICKET);
                    bind(statement, ticket);
                    return statement;
                },
                (rs, row) -> rs.getLong(1));
        return !ids.isEmpty();
    }

    private void bind(PreparedStatement statement, NewTicket ticket) throws java.sql.SQLException {
        ServiceRequest request = ticket.request();
        Timestamp createdAt = Timestamp.from(ticket.createdAt());
        Object[] values = {
            request.source().name(),
            request.externalId(),
            ticket.requestHash(),
            request.receivedAt(),
            request.channel(),
            request.content(),
            request.findings(),
            json.write(request.subject()),
            json.write(request.location()),
            json.write(request.household()),
            json.write(request.details()),
            createdAt,
            ticket.warnings().isEmpty() ? null : json.write(ticket.warnings()),
            ticket.ticketNo(),
            ticket.priority().name(),
            ticket.needs().primary().name(),
            json.write(ticket.needs()),
            json.write(ticket.urgency()),
            json.write(ticket.assessment()),
            ticket.assignment().level().name(),
            ticket.assignment().code(),
            ticket.assignment().name(),
            ticket.assignment().rule().name(),
            ticket.assignment().detail(),
            ticket.assignment().queue(),
            ticket.firstAssignment().districtCode(),
            createdAt,
            createdAt,
            ticket.trackingCode()
        };
        Object[] afterAssignment = {createdAt, ticket.assignment().queue()};
        OutboxMessage dispatch = new OutboxMessage(
                ticket.ticketNo(),
                1,
                ticket.assignment().queue(),
                DuplicateId.dispatch(ticket.ticketNo(), 1),
                ticket.priority().jmsPriority(),
                json.write(ticket.message()),
                true,
                TicketMessage.TYPE_DISPATCH,
                ticket.createdAt());
        new ArgumentPreparedStatementSetter(values).setValues(statement);
        int next = AssignmentRepository.bindFrom(statement, values.length + 1, ticket.firstAssignment());
        for (int i = 0; i < afterAssignment.length; i++) {
            StatementCreatorUtils.setParameterValue(statement, next + i, SqlTypeValue.TYPE_UNKNOWN, afterAssignment[i]);
        }
        Outbox.bind(statement, next + afterAssignment.length, dispatch);
    }

    Optional<StoredTicket> findByExternalId(Source source, String externalId) {
        return jdbc
                .query(
                        FIND_BY_EXTERNAL_ID,
                        (rs, row) -> new StoredTicket(
                                rs.getBytes("body_hash"),
                                TicketSummary.of(
                                        rs.getString("ticket_no"),
                                        rs.getString("tracking_code"),
                                        rs.getString("status"),
                                        rs.getString("priority"),
                                        TicketRows.needs(json.mapper(), rs),
                                        TicketRows.assignment(rs),
                                        null,
                                        TicketRows.assessment(json.mapper(), rs)),
                                rs.getLong("id"),
                                rs.getInt("assignment_seq")),
                        source.name(),
                        externalId)
                .stream()
                .findFirst();
    }

    /** The ticket's current assignment, for its SLA view. */
    AssignmentRecord assignment(long ticketId, int seq) {
        return assignments
                .find(ticketId, seq)
                .orElseThrow(() -> new IllegalStateException("a stored ticket has no current assignment"));
    }

    record StoredTicket(byte[] requestHash, TicketSummary ticket, long ticketId, int assignmentSeq) {}
}
