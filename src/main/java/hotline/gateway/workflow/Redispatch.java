package hotline.gateway.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hotline.gateway.ticket.AssignmentView;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The message for a ticket sent to another office (a return to the desk, a reassignment) or again to its office
 * (a reopening): the ticket's first dispatch message, kept in the outbox, with the new version, office and cause.
 * Starting from the stored message keeps every field an office has relied on since intake.
 */
@Component
public class Redispatch {

    private static final String FIRST_MESSAGE = "SELECT payload FROM outbox WHERE dedup_id = ?";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public Redispatch(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public String message(TicketRecord ticket, String cause, String causeDetail, Instant now) {
        String first = jdbc.queryForObject(FIRST_MESSAGE, String.class, ticket.ticketNo + ":1");
        try {
            ObjectNode message = (ObjectNode) json.readTree(first);
            message.put("ticketVersion", ticket.version);
            message.put("dispatchedAt", now.toString());
            message.put("cause", cause);
            if (causeDetail != null) {
                message.put("causeDetail", causeDetail);
            }
            message.set("assignment", json.valueToTree(AssignmentView.of(ticket.assignment)));
            return json.writeValueAsString(message);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("stored dispatch message of " + ticket.ticketNo + " is not readable", e);
        }
    }
}
