package hotline.gateway.outreach;

import hotline.gateway.assignment.AssignmentRepository;
import hotline.gateway.dispatch.DuplicateId;
import hotline.gateway.dispatch.Outbox;
import hotline.gateway.dispatch.OutboxMessage;
import hotline.gateway.intake.NewTicket;
import hotline.gateway.intake.ServiceRequest;
import hotline.gateway.json.Json;
import hotline.gateway.ticket.message.TicketMessage;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a chunk of visit tickets in one set-based statement: every value goes in as one array per column, and
 * the request, ticket, first assignment, CREATED event and dispatch outbox row of all of them are inserted from
 * those arrays together, in the caller's transaction. The rows are those intake writes for a ticket (same columns,
 * same values; the assignment's and the outbox's columns are bound by their own repositories' code); a ticket whose
 * (source, external id) exists is skipped. One statement per chunk instead of one per ticket: the per-statement
 * cost of five inserts was most of the time of opening tens of thousands of visits.
 */
public class VisitTicketWriter {

    private static final List<Column> REQUEST = List.of(
            new Column("source", "text"),
            new Column("external_id", "text"),
            new Column("body_hash", "bytea"),
            new Column("received_at", "timestamptz"),
            new Column("channel", "text"),
            new Column("content", "text"),
            new Column("findings", "text"),
            new Column("subject", "jsonb"),
            new Column("location", "jsonb"),
            new Column("household", "jsonb"),
            new Column("details", "jsonb"),
            new Column("created_at", "timestamptz"),
            new Column("warnings", "jsonb"));
    private static final List<Column> TICKET = List.of(
            new Column("ticket_no", "text"),
            new Column("priority", "text"),
            new Column("primary_need", "text"),
            new Column("needs", "jsonb"),
            new Column("urgency", "jsonb"),
            new Column("assessment", "jsonb"),
            new Column("assigned_level", "text"),
            new Column("assigned_code", "text"),
            new Column("assigned_name", "text"),
            new Column("assigned_rule", "text"),
            new Column("assigned_detail", "text"),
            new Column("queue", "text"),
            new Column("assigned_district", "text"),
            new Column("created_at", "timestamptz"),
            new Column("updated_at", "timestamptz"),
            new Column("tracking_code", "text"));
    private static final List<Column> ASSIGNMENT =
            typed(AssignmentRepository.insertColumns(), AssignmentRepository.insertPlaceholders());
    private static final List<Column> OUTBOX = typed(Outbox.COLUMNS, Outbox.PLACEHOLDERS);
    private static final int EVENT_COLUMNS = 2;
    private static final int WIDTH = REQUEST.size() + TICKET.size() + ASSIGNMENT.size() + EVENT_COLUMNS + OUTBOX.size();
    private static final String INSERT = insertStatement();

    private final JdbcTemplate jdbc;
    private final Json json;

    public VisitTicketWriter(JdbcTemplate jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts the tickets; returns how many were stored now (the others existed already). */
    public int insertAll(List<NewTicket> tickets) {
        if (tickets.isEmpty()) {
            return 0;
        }
        String[][] columns = new String[WIDTH][tickets.size()];
        for (int row = 0; row < tickets.size(); row++) {
            String[] values = values(tickets.get(row));
            for (int column = 0; column < WIDTH; column++) {
                columns[column][row] = values[column];
            }
        }
        Integer stored = jdbc.execute((java.sql.Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                for (int column = 0; column < WIDTH; column++) {
                    statement.setArray(column + 1, connection.createArrayOf("text", columns[column]));
                }
                return statement.executeUpdate();
            }
        });
        return stored == null ? 0 : stored;
    }

    /** One ticket's values in column order, as text (the statement casts each to its column's type). */
    private String[] values(NewTicket ticket) {
        ServiceRequest request = ticket.request();
        Instant createdAt = ticket.createdAt();
        List<String> values = new ArrayList<>(WIDTH);
        values.addAll(Arrays.asList(
                request.source().name(),
                request.externalId(),
                HexFormat.of().formatHex(ticket.requestHash()),
                text(request.receivedAt()),
                request.channel(),
                request.content(),
                request.findings(),
                json.write(request.subject()),
                json.write(request.location()),
                json.write(request.household()),
                json.write(request.details()),
                createdAt.toString(),
                ticket.warnings().isEmpty() ? null : json.write(ticket.warnings())));
        values.addAll(Arrays.asList(
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
                createdAt.toString(),
                createdAt.toString(),
                ticket.trackingCode()));
        values.addAll(bound(ASSIGNMENT.size(), s -> AssignmentRepository.bindFrom(s, 1, ticket.firstAssignment())));
        values.add(createdAt.toString());
        values.add(ticket.assignment().queue());
        OutboxMessage dispatch = new OutboxMessage(
                ticket.ticketNo(),
                1,
                ticket.assignment().queue(),
                DuplicateId.dispatch(ticket.ticketNo(), 1),
                ticket.priority().jmsPriority(),
                json.write(ticket.message()),
                true,
                TicketMessage.TYPE_DISPATCH,
                createdAt);
        values.addAll(bound(OUTBOX.size(), s -> Outbox.bind(s, 1, dispatch)));
        return values.toArray(String[]::new);
    }

    private interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * The values a repository's own binding code sets, captured in order: the assignment and the outbox row keep
     * one shape wherever they are written.
     */
    private static List<String> bound(int count, Binding binding) {
        String[] values = new String[count];
        PreparedStatement capture = (PreparedStatement) Proxy.newProxyInstance(
                VisitTicketWriter.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, (p, m, args) -> {
                    if (m.getName().startsWith("set")
                            && args != null
                            && args.length >= 2
                            && args[0] instanceof Integer) {
                        int index = (Integer) args[0];
                        values[index - 1] = m.getName().equals("setNull") ? null : text(args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        try {
            binding.bind(capture);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Arrays.asList(values);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toString();
        }
        return value.toString();
    }

    private record Column(String name, String type) {

        String cast(String prefix) {
            String value = "v." + prefix + name;
            return type.equals("bytea") ? "decode(" + value + ", 'hex')" : value + "::" + type;
        }
    }

    private static List<Column> typed(String columns, String placeholders) {
        String[] names = columns.split(",\\s*");
        String[] types = placeholders.split(",\\s*");
        if (names.length != types.length) {
            throw new IllegalStateException("columns and placeholders differ: " + columns);
        }
        List<Column> typed = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            typed.add(new Column(names[i].strip(), types[i].strip().replace("?::", "")));
        }
        return List.copyOf(typed);
    }

    private static String insertStatement() {
        List<String> names = new ArrayList<>();
        REQUEST.forEach(c -> names.add("r_" + c.name()));
        TICKET.forEach(c -> names.add("t_" + c.name()));
        ASSIGNMENT.forEach(c -> names.add("a_" + c.name()));
        names.add("e_occurred_at");
        names.add("e_queue");
        OUTBOX.forEach(c -> names.add("o_" + c.name()));
        String arrays = String.join(", ", java.util.Collections.nCopies(WIDTH, "?::text[]"));
        return """
                WITH v AS (
                    SELECT * FROM unnest(%s) WITH ORDINALITY AS v(%s, n)
                ), request AS (
                    INSERT INTO service_request (%s)
                    SELECT %s FROM v ORDER BY v.n
                    ON CONFLICT (source, external_id) DO NOTHING
                    RETURNING id, source, external_id
                ), ticket AS (
                    INSERT INTO ticket (request_id, status, %s)
                    SELECT request.id, 'CREATED', %s
                    FROM v JOIN request ON request.source = v.r_source AND request.external_id = v.r_external_id
                    ORDER BY v.n
                    RETURNING id, ticket_no
                ), made AS (
                    SELECT ticket.id AS ticket_id, v.* FROM v JOIN ticket ON ticket.ticket_no = v.t_ticket_no
                ), assignment AS (
                    INSERT INTO ticket_assignment (ticket_id, %s)
                    SELECT v.ticket_id, %s FROM made v ORDER BY v.n
                ), event AS (
                    INSERT INTO ticket_event (ticket_id, type, status, actor, occurred_at, data)
                    SELECT v.ticket_id, 'CREATED', 'CREATED', 'gateway', v.e_occurred_at::timestamptz,
                           jsonb_build_object('queue', v.e_queue)
                    FROM made v ORDER BY v.n
                )
                INSERT INTO outbox (ticket_id, %s)
                SELECT v.ticket_id, %s FROM made v ORDER BY v.n
                """.formatted(
                        arrays,
                        String.join(", ", names),
                        names(REQUEST),
                        casts(REQUEST, "r_"),
                        names(TICKET),
                        casts(TICKET, "t_"),
                        names(ASSIGNMENT),
                        casts(ASSIGNMENT, "a_"),
                        names(OUTBOX),
                        casts(OUTBOX, "o_"));
    }

    private static String names(List<Column> columns) {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }

    private static String casts(List<Column> columns, String prefix) {
        return String.join(", ", columns.stream().map(c -> c.cast(prefix)).toList());
    }
}
