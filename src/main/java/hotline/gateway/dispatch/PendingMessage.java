package hotline.gateway.dispatch;

/** An outbox row waiting to be sent. */
record PendingMessage(
        long id,
        long ticketId,
        String destination,
        String dedupId,
        int priority,
        String payload,
        boolean announcesDispatch,
        String messageType) {

    static final String TOPIC_PREFIX = "topic:";

    /** Dedup ids start with the ticket number ("ticket number:version", "ticket number:event:id", ...). */
    String ticketNo() {
        return dedupId.substring(0, dedupId.indexOf(':'));
    }

    /** The ticket version a dispatch message carries ("ticket number:version"). */
    int ticketVersion() {
        return Integer.parseInt(dedupId.substring(dedupId.lastIndexOf(':') + 1));
    }

    /** Multicast addresses (ticket-updates) are named topic:<address> in the outbox. */
    boolean toTopic() {
        return destination.startsWith(TOPIC_PREFIX);
    }

    String address() {
        return toTopic() ? destination.substring(TOPIC_PREFIX.length()) : destination;
    }
}
