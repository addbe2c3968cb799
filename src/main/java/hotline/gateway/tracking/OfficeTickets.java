package hotline.gateway.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.classification.semantic.DangerScore;
import hotline.gateway.jurisdiction.OfficeCode;
import hotline.gateway.security.Actor;
import hotline.gateway.ticket.TicketLinks;
import hotline.gateway.ticket.TicketRows;
import hotline.gateway.ticket.TicketStatus;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.validation.InvalidInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An office's current tickets with their deadlines, soonest first: for offices without a queue client. */
@Component("officeTickets")
public class OfficeTickets {

    static final int PAGE_SIZE = 50;
    private static final String[] OPEN = {"CREATED", "DISPATCHED", "SIGNED", "IN_PROGRESS", "RETURNED"};
    /* The soonest deadline not yet met; LEAST skips the nulls. */
    private static final String NEXT_DUE = """
            LEAST(CASE WHEN a.sign_met_at IS NULL THEN a.sign_due_at END,
                  CASE WHEN a.contact_met_at IS NULL THEN a.contact_due_at END,
                  CASE WHEN a.resolve_met_at IS NULL THEN a.resolve_due_at END,
                  CASE WHEN a.reassign_met_at IS NULL THEN a.reassign_due_at END)""";
    private static final String LIST = """
            SELECT t.ticket_no, t.assigned_code, t.status, t.priority, t.primary_need, t.extended, t.escalated,
                   t.urgency -> 'dangerHint' AS danger_hint,
                   a.started_at,
                   a.sign_due_at, a.contact_due_at, a.resolve_due_at, a.reassign_due_at, %s AS next_due
            FROM ticket t JOIN ticket_assignment a ON a.ticket_id = t.id AND a.seq = t.assignment_seq
            WHERE (t.assigned_code = ? OR t.assigned_district = ?) AND t.status = ANY (?) %s
            ORDER BY next_due NULLS LAST, t.id
            LIMIT ? OFFSET ?
            """;
    private static final String LIST_ALL = LIST.formatted(NEXT_DUE, "");
    private static final String LIST_DUE_BEFORE = LIST.formatted(NEXT_DUE, "AND " + NEXT_DUE + " < ?");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public OfficeTickets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page list(String officeCode, String states, String dueBefore, String page, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        Optional<OfficeCode> office =
                OfficeCode.parse(officeCode).filter(code -> code.kind() != OfficeCode.Kind.HOTLINE);
        if (office.isEmpty()) {
            errors.add(new FieldError("officeCode", "must be a 9-digit town code, a 6-digit district code or city"));
        }
        String[] statuses = statuses(states, errors);
        Instant before = instant(dueBefore, errors);
        int pageNo = pageNumber(page, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!actor.maySee(office.get())) {
            throw new HttpProblemException(
                    403,
                    "Not this office's tickets",
                    "officeCode",
                    "user " + actor.user() + " may not list the tickets of " + officeCode);
        }
        List<Item> items = jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(before == null ? LIST_ALL : LIST_DUE_BEFORE);
                    int i = 1;
                    statement.setString(i++, officeCode);
                    // A district code lists the desk's tickets and its towns' (a town's code is never a district).
                    statement.setString(i++, office.get().kind() == OfficeCode.Kind.DISTRICT_DESK ? officeCode : null);
                    statement.setArray(i++, connection.createArrayOf("text", statuses));
                    if (before != null) {
                        statement.setTimestamp(i++, Timestamp.from(before));
                    }
                    statement.setInt(i++, PAGE_SIZE + 1);
                    statement.setInt(i, pageNo * PAGE_SIZE);
                    return statement;
                },
                (rs, row) -> item(rs));
        boolean more = items.size() > PAGE_SIZE;
        return new Page(officeCode, pageNo, PAGE_SIZE, more, more ? items.subList(0, PAGE_SIZE) : items);
    }

    private static Item item(ResultSet rs) throws SQLException {
        Map<String, Instant> deadlines = new LinkedHashMap<>();
        putIfSet(deadlines, "signBy", rs, "sign_due_at");
        putIfSet(deadlines, "contactBy", rs, "contact_due_at");
        putIfSet(deadlines, "resolveBy", rs, "resolve_due_at");
        putIfSet(deadlines, "reassignBy", rs, "reassign_due_at");
        Timestamp next = rs.getTimestamp("next_due");
        String ticketNo = rs.getString("ticket_no");
        return new Item(
                ticketNo,
                rs.getString("assigned_code"),
                rs.getString("status"),
                rs.getString("priority"),
                rs.getString("primary_need"),
                rs.getBoolean("extended"),
                rs.getBoolean("escalated"),
                rs.getTimestamp("started_at").toInstant(),
                deadlines,
                next == null ? null : next.toInstant(),
                Map.of("self", TicketLinks.self(ticketNo)),
                TicketRows.dangerHint(JSON, rs));
    }

    private static void putIfSet(Map<String, Instant> map, String key, ResultSet rs, String column)
            throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        if (value != null) {
            map.put(key, value.toInstant());
        }
    }

    private static String[] statuses(String states, List<FieldError> errors) {
        if (states == null || states.isBlank()) {
            return OPEN;
        }
        String[] names = states.split(",");
        for (int i = 0; i < names.length; i++) {
            names[i] = names[i].trim().toUpperCase();
            try {
                TicketStatus.valueOf(names[i]);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("state", "must be ticket states from " + List.of(TicketStatus.values())));
                return OPEN;
            }
        }
        return names;
    }

    private static Instant instant(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            // Four-digit years only: PostgreSQL's timestamps end in the year 294276 and start in 4713 BC.
            if (time.getYear() >= 1 && time.getYear() <= 9999) {
                return time.toInstant();
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        errors.add(new FieldError("dueBefore", "must be an ISO-8601 date-time with offset, years 0001 to 9999"));
        return null;
    }

    private static int pageNumber(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int page = Integer.parseInt(text.trim());
            if (page >= 0 && page <= 10_000) {
                return page;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new FieldError("page", "must be a whole number from 0 to 10000"));
        return 0;
    }

    public record Page(String officeCode, int page, int pageSize, boolean hasMore, List<Item> tickets) {}

    /** @param office the office holding the ticket (a district desk's list holds its towns' tickets too) */
    public record Item(
            String ticketNo,
            String office,
            String status,
            String priority,
            String primaryNeed,
            boolean extended,
            boolean escalated,
            Instant assignedAt,
            Map<String, Instant> deadlines,
            Instant nextDeadline,
            Map<String, String> links,
            DangerScore dangerHint) {}
}
