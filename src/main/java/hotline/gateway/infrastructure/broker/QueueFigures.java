package hotline.gateway.infrastructure.broker;

/**
 * One watched queue as the broker last reported it.
 *
 * @param queue the queue's name (tickets.310104003, DLQ, ...)
 * @param kind what the queue is for: tickets, triage, escalations, ticket-results, ticket-events, dlq, expiry
 * @param messages messages on the queue (including those being delivered and scheduled)
 * @param consumers consumers attached to it
 * @param firstMessageTimestamp when the oldest message on it was sent (epoch millis); null when it is empty
 */
public record QueueFigures(String queue, String kind, long messages, int consumers, Long firstMessageTimestamp) {

    /** The kind of a queue the gateway watches; null for any other (temporary, internal, a client's own). */
    public static String kindOf(String queue) {
        if (queue.equals("DLQ")) {
            return "dlq";
        }
        if (queue.equals("ExpiryQueue")) {
            return "expiry";
        }
        if (queue.equals("ticket-events")) {
            return "ticket-events";
        }
        for (String prefix : new String[] {"tickets", "triage", "escalations", "ticket-results"}) {
            if (queue.startsWith(prefix + ".") && queue.length() > prefix.length() + 1) {
                return prefix;
            }
        }
        return null;
    }

    /** Seconds since the oldest message was sent, at this time; 0 when the queue is empty. */
    public double oldestMessageAgeSeconds(long nowMillis) {
        if (firstMessageTimestamp == null || messages == 0) {
            return 0;
        }
        return Math.max(0, nowMillis - firstMessageTimestamp) / 1000.0;
    }
}
