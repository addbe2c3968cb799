package hotline.gateway.ticket;

/** The states of a ticket (工单); RETURNED (退单) sends it back to the dispatch desk. */
public enum TicketStatus {
    CREATED,
    DISPATCHED,
    SIGNED,
    IN_PROGRESS,
    RESOLVED,
    CLOSED,
    RETURNED
}
