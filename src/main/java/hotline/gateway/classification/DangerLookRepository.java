package hotline.gateway.classification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The second look's queue: recent normal-priority tickets not yet looked at, and the look's result. */
public class DangerLookRepository {

    private static final String PENDING = """
            SELECT t.id, t.ticket_no, t.version, t.status, t.needs ->> 'semantic' AS semantic, r.content
            FROM ticket t JOIN service_request r ON r.id = t.request_id
            WHERE t.danger_looked_at IS NULL AND t.priority = 'NORMAL' AND t.created_at > ?
            ORDER BY t.created_at
            LIMIT ?
            """;

    private static final String BACKLOG = """
            SELECT count(*) FROM ticket
            WHERE danger_looked_at IS NULL AND priority = 'NORMAL' AND created_at > ?
            """;

    /* Only the instance whose update takes the row looks at it (several gateways share one database). */
    private static final String CLAIM =
            "UPDATE ticket SET danger_looked_at = ? WHERE id = ? AND danger_looked_at IS NULL";

    private final JdbcTemplate jdbc;

    public DangerLookRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A ticket waiting for the look: its text, and whether the semantic stage read it at intake already. */
    public record Pending(
            long ticketId, String ticketNo, int ticketVersion, String status, String semanticOutcome, String content) {}

    public List<Pending> pending(Instant since, int limit) {
        return jdbc.query(
                PENDING,
                (rs, row) -> new Pending(
                        rs.getLong("id"),
                        rs.getString("ticket_no"),
                        rs.getInt("version"),
                        rs.getString("status"),
                        rs.getString("semantic"),
                        rs.getString("content")),
                Timestamp.from(since),
                limit);
    }

    /** How many tickets made since {@code since} wait for the look. */
    public long backlog(Instant since) {
        Long count = jdbc.queryForObject(BACKLOG, Long.class, Timestamp.from(since));
        return count == null ? 0 : count;
    }

    /** True when this caller took the ticket's look (no other instance did). */
    public boolean claim(long ticketId, Instant at) {
        return jdbc.update(CLAIM, Timestamp.from(at), ticketId) == 1;
    }
}
