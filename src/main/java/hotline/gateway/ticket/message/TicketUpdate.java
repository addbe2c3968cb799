package hotline.gateway.ticket.message;

import hotline.gateway.ticket.AssignmentView;
import java.time.Instant;

/**
 * What the ticket-updates topic says when a ticket changes: enough for the hotline system to tell a caller where
 * the case stands, and no personal data. {@code result} is the office's resolution (RESOLVE), for the callback.
 * A DISPATCHED update, sent by the relay with the ticket's message, names the queue instead of the office and
 * leaves out the flags (absent, not false).
 */
public record TicketUpdate(
        int schemaVersion,
        String messageType,
        String ticketNo,
        int ticketVersion,
        String event,
        String status,
        String previousStatus,
        Instant occurredAt,
        AssignmentView assignment,
        String queue,
        Boolean extended,
        Boolean escalated,
        String result) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "TICKET_UPDATE";
    /** The multicast address every change is published on. */
    public static final String ADDRESS = "ticket-updates";

    /** Published by the relay in the broker transaction that hands the ticket to its queue. */
    public static TicketUpdate dispatched(String ticketNo, int ticketVersion, String queue, Instant at) {
        return new TicketUpdate(
                SCHEMA_VERSION,
                TYPE,
                ticketNo,
                ticketVersion,
                "DISPATCHED",
                "DISPATCHED",
                "CREATED",
                at,
                null,
                queue,
                null,
                null,
                null);
    }
}
