package hotline.gateway.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.assignment.AssignmentDeadlines;
import hotline.gateway.assignment.AssignmentRepository;
import hotline.gateway.jurisdiction.OfficeCode;
import hotline.gateway.privacy.PersonalData;
import hotline.gateway.security.Actor;
import hotline.gateway.security.Caller;
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
                   t.assessment, t.urgency -> 'dangerHint' AS danger_hint, t.tracking_code,
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
     * The ticket as answered to an office that sent an event on it: whole while the office (or its desk, the hotline, a
     * system user) oversees it, with the free text as written only for the office or desk holding it (phone and
     * resident ID numbers masked for the others); once it passed to another office (returned, reassigned), its state,
     * office, deadlines and the kinds of events, without the household's assessment and who did what and why.
     *
     * @param actor the office that acted
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
     * GET /tickets/{no}: the holders' view ({@link TicketDetails}) for a caller holding the ticket (its office, the
     * office's desk, the hotline, a manager of its district or the city, an operator, a system user); the caller's
     * view ({@link CallerView}) for anyone who gave the ticket's tracking code; otherwise 404, as for an unknown
     * number, so that a number alone confirms nothing.
     *
     * @param caller who sent credentials, or null
     * @param trackingCodeChecked whether the request carried the ticket's tracking code (checked before)
     */
    public Object view(String ticketNo, Caller caller, boolean trackingCodeChecked) {
        List<Object> found = jdbc.query(
                FIND_TICKET,
                (rs, row) -> {
                    OfficeCode holder = new OfficeCode(rs.getString("assigned_code"));
                    if (caller != null && caller.holds(holder)) {
                        Actor actor = caller.actor();
                        boolean holds = actor != null
                                && !actor.system()
                                && actor.office().equals(holder);
                        return details(rs, true, holds);
                    }
                    return trackingCodeChecked ? callerView(rs) : null;
                },
                ticketNo);
        if (found.isEmpty() || found.get(0) == null) {
            throw new TicketNotFoundException(ticketNo);
        }
        return found.get(0);
    }

    private CallerView callerView(ResultSet rs) throws SQLException {
        SlaView sla = assignments
                .find(rs.getLong("id"), rs.getInt("assignment_seq"))
                .map(assignment -> deadlines.view(assignment, clock.instant()))
                .orElse(null);
        return new CallerView(
                rs.getString("ticket_no"),
                rs.getString("status"),
                rs.getString("assigned_name"),
                sla == null ? null : sla.contactBy(),
                sla == null ? null : sla.resolveBy(),
                rs.getTimestamp("updated_at").toInstant());
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
                whole ? TicketRows.assessment(json, rs) : null,
                whole ? TicketRows.dangerHint(json, rs) : null,
                whole ? rs.getString("tracking_code") : null);
    }

    /** An office's words as the caller may read them: as written for the office holding the ticket, else masked. */
    private static String freeText(String text, boolean holds) {
        return holds ? text : PersonalData.maskText(text);
    }
}
