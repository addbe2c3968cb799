package hotline.gateway.dispatch;

/** An outbox row waiting to be sent. */
record PendingMessage(
        long id,
        long ticketId,
        String ticketNo,
        int ticketVersion,
        String destination,
        String dedupId,
        int priority,
        String payload,
        boolean announcesDispatch,
        String messageType) {

    boolean toTopic() {
        return destination.startsWith(OutboxMessage.TOPIC_PREFIX);
    }

    String address() {
        return toTopic() ? destination.substring(OutboxMessage.TOPIC_PREFIX.length()) : destination;
    }
}
