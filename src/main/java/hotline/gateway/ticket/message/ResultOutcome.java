package hotline.gateway.ticket.message;

/** What became of an office's event sent on ticket-events (TICKET_RESULT's {@code outcome}). */
public enum ResultOutcome {
    /** Applied (now, or before: the same eventId again). */
    ACCEPTED,
    /** Refused, with the problem the REST API would have answered; nothing changed. */
    REFUSED
}
