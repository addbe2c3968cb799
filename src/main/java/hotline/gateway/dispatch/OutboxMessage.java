package hotline.gateway.dispatch;

import java.time.Instant;

/**
 * A message to send with the transaction that caused it, as the outbox stores it.
 *
 * @param destination       a queue name, or topic:<address> for a multicast address (ticket-updates)
 * @param ticketVersion     the ticket's version the message speaks of
 * @param announcesDispatch the message dispatches a CREATED ticket: sent, it makes the ticket DISPATCHED, announced
 *                          on ticket-updates
 * @param messageType       the message's messageType property (TICKET_DISPATCH, TICKET_UPDATE, SLA_WARNING, ...)
 */
public record OutboxMessage(
        String ticketNo,
        int ticketVersion,
        String destination,
        DuplicateId duplicateId,
        int priority,
        String payload,
        boolean announcesDispatch,
        String messageType,
        Instant createdAt) {

    /** Multicast addresses are named topic:<address> in the outbox. */
    public static final String TOPIC_PREFIX = "topic:";

    public static String topic(String address) {
        return TOPIC_PREFIX + address;
    }
}
