package hotline.gateway.workflow;

import hotline.gateway.ticket.AssignmentView;
import java.time.Instant;

/**
 * What the ticket-updates topic says when a ticket changes: enough for the hotline system to tell a caller where
 * the case stands, and no personal data. {@code result} is the office's resolution (RESOLVE), for the callback.
 */
public record TicketUpdate(int schemaVersion, String messageType, String ticketNo, int ticketVersion, String event,
                           String status, String previousStatus, Instant occurredAt, AssignmentView assignment,
                           boolean extended, boolean escalated, String result) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "TICKET_UPDATE";
    /** The multicast address, as outbox destinations name it. */
    public static final String DESTINATION = "topic:ticket-updates";

    public static String dedupId(String ticketNo, long eventRowId) {
        return ticketNo + ":event:" + eventRowId;
    }
}
