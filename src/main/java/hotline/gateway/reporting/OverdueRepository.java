package hotline.gateway.reporting;

import hotline.gateway.ticket.TicketLinks;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/** Lists open tickets past a deadline, in one statement, oldest first. */
public class OverdueRepository {

    /**
     * The earliest deadline an open assignment has missed or will miss: per unmet target its due time, or its breach
     * if that came first (a deadline moved by an extension after a breach). V4__reporting_indexes.sql indexes the
     * same expression over open assignments, so the list is read in order and costs what is overdue.
     */
    public static final String MISSED_AT = """
            least(CASE WHEN a.sign_met_at IS NULL THEN least(a.sign_due_at, a.sign_breached_at) END,
                  CASE WHEN a.contact_met_at IS NULL THEN least(a.contact_due_at, a.contact_breached_at) END,
                  CASE WHEN a.resolve_met_at IS NULL THEN least(a.resolve_due_at, a.resolve_breached_at) END,
                  CASE WHEN a.reassign_met_at IS NULL THEN least(a.reassign_due_at, a.reassign_breached_at) END)""";

    private static final String OVERDUE = """
            WITH p AS (SELECT ?::timestamptz AS now, ?::text AS district)
            SELECT t.ticket_no, t.status, t.priority, t.primary_need, t.escalated, r.received_at,
                   a.level, a.code, a.name, a.district_code, m.targets, m.due_ats, m.breached_ats,
                   count(*) OVER () AS total
            FROM p
            JOIN ticket_assignment a ON a.ended_at IS NULL AND %1$s < p.now
                                    AND (p.district IS NULL OR a.district_code = p.district)
            JOIN ticket t ON t.id = a.ticket_id AND t.assignment_seq = a.seq AND t.status NOT IN ('RESOLVED', 'CLOSED')
            JOIN service_request r ON r.id = t.request_id
            CROSS JOIN LATERAL (
                SELECT array_agg(v.target ORDER BY least(v.due_at, v.breached_at)) AS targets,
                       array_agg(v.due_at ORDER BY least(v.due_at, v.breached_at)) AS due_ats,
                       array_agg(v.breached_at ORDER BY least(v.due_at, v.breached_at)) AS breached_ats
                FROM (VALUES ('SIGN', a.sign_due_at, a.sign_met_at, a.sign_breached_at),
                             ('CONTACT', a.contact_due_at, a.contact_met_at, a.contact_breached_at),
                             ('RESOLVE', a.resolve_due_at, a.resolve_met_at, a.resolve_breached_at),
                             ('REASSIGN', a.reassign_due_at, a.reassign_met_at, a.reassign_breached_at))
                     AS v (target, due_at, met_at, breached_at)
                WHERE v.met_at IS NULL AND (v.breached_at IS NOT NULL OR v.due_at < p.now)
            ) m
            ORDER BY %1$s, a.ticket_id
            LIMIT ? OFFSET ?
            """.formatted(MISSED_AT);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public OverdueRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public OverduePage page(OverdueRequest request) {
        Instant now = clock.instant();
        AtomicLong total = new AtomicLong();
        List<OverdueTicket> items = jdbc.query(
                OVERDUE,
                (rs, row) -> {
                    total.set(rs.getLong("total"));
                    return ticket(rs);
                },
                Timestamp.from(now),
                request.district(),
                request.size(),
                request.offset());
        if (items.isEmpty() && request.offset() > 0) {
            // Past the last page: the window count came with no row, so count on its own.
            total.set(count(now, request.district()));
        }
        return new OverduePage(request.district(), request.page(), request.size(), total.get(), now, items);
    }

    private long count(Instant now, String district) {
        List<Long> counted = jdbc.query(OVERDUE, (rs, row) -> rs.getLong("total"), Timestamp.from(now), district, 1, 0);
        return counted.isEmpty() ? 0 : counted.get(0);
    }

    private static OverdueTicket ticket(ResultSet rs) throws SQLException {
        List<String> targets = Arrays.asList((String[]) array(rs.getArray("targets")));
        Timestamp deadline = ((Timestamp[]) array(rs.getArray("due_ats")))[0];
        Timestamp breached = ((Timestamp[]) array(rs.getArray("breached_ats")))[0];
        String ticketNo = rs.getString("ticket_no");
        return new OverdueTicket(
                ticketNo,
                rs.getString("status"),
                rs.getString("priority"),
                rs.getString("primary_need"),
                rs.getBoolean("escalated"),
                rs.getTimestamp("received_at").toInstant(),
                new OverdueTicket.Office(
                        rs.getString("level"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("district_code")),
                targets.get(0),
                deadline == null ? null : deadline.toInstant(),
                breached == null ? null : breached.toInstant(),
                targets,
                TicketLinks.self(ticketNo));
    }

    private static Object array(Array array) throws SQLException {
        try {
            return array.getArray();
        } finally {
            array.free();
        }
    }
}
