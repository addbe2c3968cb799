package hotline.gateway.open311;

import hotline.gateway.intake.Source;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the tickets that came in over Open311 (source OPEN311), for GET requests, requests/{id} and tokens/{token}. */
public class Open311Repository {

    private static final String SELECT = """
            SELECT t.ticket_no, t.status, t.extended, t.primary_need, t.assigned_name, t.updated_at,
                   r.content, r.received_at, r.location ->> 'address' AS address,
                   r.location ->> 'lat' AS lat, r.location ->> 'lon' AS lon,
                   r.details ->> 'serviceCode' AS service_code, r.details ->> 'addressId' AS address_id,
                   r.details ->> 'mediaUrl' AS media_url, a.resolve_due_at
            FROM ticket t
            JOIN service_request r ON r.id = t.request_id
            LEFT JOIN ticket_assignment a ON a.ticket_id = t.id AND a.seq = t.assignment_seq
            WHERE r.source = 'OPEN311'
            """;
    private static final String ORDER = " ORDER BY r.received_at DESC, t.id DESC LIMIT ";
    private static final String CLOSED = "('RESOLVED', 'CLOSED')";
    private static final String TICKET_OF_EXTERNAL_ID = """
            SELECT t.ticket_no FROM service_request r JOIN ticket t ON t.request_id = r.id
            WHERE r.source = ? AND r.external_id = ?
            """;

    private final JdbcTemplate jdbc;

    public Open311Repository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** GET requests: by ids, or by period, services and status; newest first, at most {@link RequestQuery#LIMIT}. */
    List<StoredRequest> find(RequestQuery query) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> arguments = new ArrayList<>();
        if (!query.ids().isEmpty()) {
            sql.append(" AND t.ticket_no IN (")
                    .append(placeholders(query.ids().size()))
                    .append(')');
            arguments.addAll(query.ids());
        } else {
            sql.append(" AND r.received_at >= ? AND r.received_at <= ?");
            arguments.add(Timestamp.from(query.start()));
            arguments.add(Timestamp.from(query.end()));
            if (!query.serviceCodes().isEmpty()) {
                sql.append(" AND t.primary_need IN (")
                        .append(placeholders(query.serviceCodes().size()))
                        .append(')');
                arguments.addAll(query.serviceCodes());
            }
            if (query.statuses().size() == 1) {
                sql.append(query.statuses().contains("closed") ? " AND t.status IN " : " AND t.status NOT IN ")
                        .append(CLOSED);
            }
        }
        sql.append(ORDER).append(RequestQuery.LIMIT);
        return jdbc.query(sql.toString(), Open311Repository::row, arguments.toArray());
    }

    /** GET requests/{id}: the ticket, when it came in over Open311. */
    Optional<StoredRequest> find(String ticketNo) {
        return jdbc.query(SELECT + " AND t.ticket_no = ?", Open311Repository::row, ticketNo).stream()
                .findFirst();
    }

    /** GET tokens/{token}: the ticket number of the request stored under this external id. */
    Optional<String> ticketNoOf(String externalId) {
        return jdbc
                .query(TICKET_OF_EXTERNAL_ID, (rs, row) -> rs.getString(1), Source.OPEN311.name(), externalId)
                .stream()
                .findFirst();
    }

    private static StoredRequest row(ResultSet rs, int row) throws SQLException {
        Timestamp due = rs.getTimestamp("resolve_due_at");
        return new StoredRequest(
                rs.getString("ticket_no"),
                rs.getString("status"),
                rs.getBoolean("extended"),
                rs.getString("primary_need"),
                rs.getString("service_code"),
                rs.getString("assigned_name"),
                rs.getString("content"),
                rs.getString("address"),
                rs.getString("address_id"),
                number(rs.getString("lat")),
                number(rs.getString("lon")),
                rs.getString("media_url"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                due == null ? null : due.toInstant());
    }

    private static Double number(String text) {
        return text == null ? null : Double.valueOf(text);
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
