package hotline.gateway.dispatch;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes every outbox row, one or a batch, in the caller's transaction; the relay sends them. A duplicate id
 * written twice is one row (and one message). Intake writes its row inside its own single statement, with the
 * columns and binding given here, so that the row has one shape wherever it is written.
 */
public class Outbox {

    /** The columns after ticket_id, in the order {@link #bind} binds them. */
    public static final String COLUMNS = "ticket_no, ticket_version, destination, dedup_id, priority, payload,"
            + " created_at, announces_dispatch, message_type";
    /** Typed placeholders for {@link #COLUMNS}: in an INSERT ... SELECT an untyped null would be taken for text. */
    public static final String PLACEHOLDERS =
            "?::text, ?::integer, ?::text, ?::text, ?::smallint, ?::text, ?::timestamptz, ?::boolean, ?::text";

    private static final String INSERT = "INSERT INTO outbox (ticket_id, " + COLUMNS + ") VALUES (?, " + PLACEHOLDERS
            + ") ON CONFLICT (dedup_id) DO NOTHING";
    private static final String DISPATCH_PAYLOAD = """
            SELECT payload FROM outbox
            WHERE ticket_id = ? AND ticket_version = ? AND message_type = 'TICKET_DISPATCH'
            """;

    private final JdbcTemplate jdbc;

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long ticketId, OutboxMessage message) {
        addAll(List.of(new Row(ticketId, message)));
    }

    /** Several rows in one JDBC batch (the SLA sweep's). */
    public void addAll(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                Row row = rows.get(i);
                statement.setLong(1, row.ticketId());
                bind(statement, 2, row.message());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /** The message that dispatched this version of the ticket, as it was sent. */
    public Optional<String> dispatchPayload(long ticketId, int version) {
        return jdbc.queryForList(DISPATCH_PAYLOAD, String.class, ticketId, version).stream()
                .findFirst();
    }

    /** Binds {@link #COLUMNS} from {@code index}; returns the index after them. */
    public static int bind(PreparedStatement statement, int index, OutboxMessage message) throws SQLException {
        statement.setString(index++, message.ticketNo());
        statement.setInt(index++, message.ticketVersion());
        statement.setString(index++, message.destination());
        statement.setString(index++, message.duplicateId().value());
        statement.setInt(index++, message.priority());
        statement.setString(index++, message.payload());
        statement.setTimestamp(index++, Timestamp.from(message.createdAt()));
        statement.setBoolean(index++, message.announcesDispatch());
        statement.setString(index++, message.messageType());
        return index;
    }

    /** An outbox row: a message about a ticket. */
    public record Row(long ticketId, OutboxMessage message) {}
}
