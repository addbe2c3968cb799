package hotline.gateway.workflow;

import hotline.gateway.ticket.TicketStatus;

/** An allowed event: the ticket's status after it, and what it does beside changing the status. */
public record Transition(TicketStatus next, Effect effect) {

    public enum Effect {
        NOTE,
        SIGNED,
        CONTACTED,
        RESOLVED,
        RETURNED_TO_DESK,
        REASSIGNED,
        EXTENSION_REQUESTED,
        EXTENSION_APPROVED,
        EXTENSION_REJECTED,
        CALLBACK_RECORDED,
        REOPENED,
        CLOSED,
        RECLASSIFIED
    }
}
