package hotline.gateway.ticket.message;

import hotline.gateway.classification.semantic.DangerScore;
import hotline.gateway.ticket.TicketLinks;
import java.time.Instant;
import java.util.Map;

/**
 * DANGER_HINT, to the queue holding a ticket: the semantic stage's second look found the ticket's text close to a
 * danger description after the ticket had been dispatched, so a person should read it again. The priority is not
 * changed (NORMAL, as the rules decided); no personal data.
 */
public record DangerHintMessage(
        int schemaVersion,
        String messageType,
        String ticketNo,
        int ticketVersion,
        String priority,
        DangerScore dangerHint,
        Instant occurredAt,
        Map<String, String> links) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "DANGER_HINT";

    public static DangerHintMessage of(String ticketNo, int ticketVersion, DangerScore hint, Instant at) {
        return new DangerHintMessage(
                SCHEMA_VERSION,
                TYPE,
                ticketNo,
                ticketVersion,
                "NORMAL",
                hint,
                at,
                Map.of("self", TicketLinks.self(ticketNo)));
    }
}
