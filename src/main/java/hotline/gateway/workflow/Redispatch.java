package hotline.gateway.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hotline.gateway.dispatch.Outbox;
import hotline.gateway.json.Json;
import hotline.gateway.ticket.AssignmentView;
import hotline.gateway.ticket.message.DispatchSla;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The message for a ticket sent to another office (a return to the desk, a reassignment) or again to its office
 * (a reopening): the ticket's first dispatch message, kept in the outbox, with the new version, office and cause.
 * Starting from the stored message keeps every field an office has relied on since intake.
 */
@Component
public class Redispatch {

    private final Outbox outbox;
    private final Json json;

    public Redispatch(Outbox outbox, Json json) {
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * @param causeCode   the return reason code of a return, else null
     * @param causeDetail the office's own words for a return, else null
     * @param sla         the deadlines of the new assignment
     */
    public String message(
            TicketRecord ticket, String cause, String causeCode, String causeDetail, DispatchSla sla, Instant now) {
        String first = outbox.dispatchPayload(ticket.id, 1)
                .orElseThrow(() -> new IllegalStateException("ticket " + ticket.ticketNo + " has no dispatch message"));
        JsonNode stored = json.read(first);
        if (!(stored instanceof ObjectNode message)) {
            throw new IllegalStateException("stored dispatch message of " + ticket.ticketNo + " is not an object");
        }
        message.put("ticketVersion", ticket.version);
        message.put("dispatchedAt", now.toString());
        message.put("cause", cause);
        if (causeCode != null) {
            message.put("causeCode", causeCode);
        }
        if (causeDetail != null) {
            message.put("causeDetail", causeDetail);
        }
        message.set("assignment", json.tree(AssignmentView.of(ticket.assignment)));
        message.set("sla", json.tree(sla));
        return json.write(message);
    }
}
