package hotline.gateway.dispatch;

/** An outbox row waiting to be sent. */
record PendingMessage(long id, long ticketId, String destination, String dedupId, int priority, String payload) {

    /** The dedup id is "ticket number:version". */
    String ticketNo() {
        return dedupId.substring(0, dedupId.lastIndexOf(':'));
    }
}
