package hotline.gateway.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.assignment.AssignmentDeadlines;
import hotline.gateway.assignment.AssignmentRepository;
import hotline.gateway.jurisdiction.OfficeCode;
import hotline.gateway.privacy.PersonalData;
import hotline.gateway.security.Actor;
import hotline.gateway.ticket.SlaView;
import hotline.gateway.ticket.TicketLinks;
import hotline.gateway.ticket.TicketNotFoundException;
import hotline.gateway.ticket.TicketRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads tickets for the REST API. */
@Component("ticketQueries")
public class TicketQueries {

    private static final String FIND_TICKET = """
            SELECT t.id, t.assignment_seq, t.ticket_no, t.status, t.priority, t.extended, t.escalated, t.needs,
                   t.assessment,
                   t.assigned_level, t.assigned_code, t.assigned_name, t.assigned_rule, t.assigned_detail,
                   r.received_at, t.created_at, t.updated_at
            FROM ticket t JOIN service_request r ON r.id = t.request_id
            WHERE t.ticket_no = ?
            """;
    private static final String FIND_EVENTS = """
            SELECT type, status, actor, office_code, reason, occurred_at
            FROM ticket_event WHERE ticket_id = ? ORDER BY id
            """;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AssignmentRepository assignments;
    private final AssignmentDeadlines deadlines;
    private final Clock clock;

    public TicketQueries(
            JdbcTemplate jdbc,
            ObjectMapper json,
            AssignmentRepository assignments,
            AssignmentDeadlines deadlines,
            Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.assignments = assignments;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * The ticket as this caller may see it. Anyone with the number sees its state, office, deadlines and the kinds of
     * events; the household's assessment and who did what and why (free text that may name people) only the hotline,
     * the system users and the offices overseeing the ticket see, and of those only the office or desk holding it
     * reads the free text as written: for the others, phone and resident ID numbers in it are masked.
     *
     * @param actor the authenticated caller, or null when anonymous
     */
    public TicketDetails find(String ticketNo, Actor actor) {
        List<TicketDetails> found = jdbc.query(
                FIND_TICKET,
                (rs, row) -> {
                    OfficeCode holder = new OfficeCode(rs.getString("assigned_code"));
                    boolean whole = actor != null && actor.maySee(holder);
                    boolean holds =
                            actor != null && !actor.system() && actor.office().equals(holder);
                    return details(rs, whole, holds);
                },
                ticketNo);
        if (found.isEmpty()) {
            throw new TicketNotFoundException(ticketNo);
        }
        return found.get(0);
    }

    /**
     * @param whole whether the caller sees the assessment and the events' actors and reasons
     * @param holds whether the caller is the office holding the ticket, which reads the free text unmasked
     */
    private TicketDetails details(ResultSet rs, boolean whole, boolean holds) throws SQLException {
        long id = rs.getLong("id");
        List<TicketDetails.Event> events = jdbc.query(
                FIND_EVENTS,
                (e, row) -> new TicketDetails.Event(
                        e.getString("type"),
                        e.getString("status"),
                        whole ? freeText(e.getString("actor"), holds) : null,
                        e.getString("office_code"),
                        whole ? freeText(e.getString("reason"), holds) : null,
                        e.getTimestamp("occurred_at").toInstant()),
                id);
        String ticketNo = rs.getString("ticket_no");
        SlaView sla = assignments
                .find(id, rs.getInt("assignment_seq"))
                .map(assignment -> deadlines.view(assignment, clock.instant()))
                .orElse(null);
        return new TicketDetails(
                ticketNo,
                rs.getString("status"),
                rs.getString("priority"),
                rs.getBoolean("extended"),
                rs.getBoolean("escalated"),
                TicketRows.needs(json, rs),
                TicketRows.assignment(rs),
                sla,
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                events,
                Map.of("self", TicketLinks.self(ticketNo)),
                whole ? TicketRows.assessment(json, rs) : null);
    }

    /** An office's words as the caller may read them: as written for the office holding the ticket, else masked. */
    private static String freeText(String text, boolean holds) {
        return holds ? text : PersonalData.maskText(text);
    }
}
