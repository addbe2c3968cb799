package hotline.gateway.workflow;

import hotline.gateway.ticket.TicketStatus;

/** An event that the ticket's state does not allow (RESOLVE before SIGN, say). */
public class IllegalTransitionException extends RuntimeException {

    private final OfficeEventType event;
    private final TicketStatus status;

    public IllegalTransitionException(OfficeEventType event, TicketStatus status, String why) {
        super(event + " is not allowed while the ticket is " + status + ": " + why);
        this.event = event;
        this.status = status;
    }

    public OfficeEventType event() {
        return event;
    }

    public TicketStatus status() {
        return status;
    }
}
