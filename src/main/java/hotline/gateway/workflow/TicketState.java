package hotline.gateway.workflow;

import hotline.gateway.jurisdiction.AssignmentLevel;
import hotline.gateway.ticket.TicketStatus;

/**
 * What the state machine needs to know of a ticket and its current assignment.
 *
 * @param extensionPending an extension request waits for the supervisor's answer
 * @param callbackRecorded the current assignment's resolution already has its callback
 * @param reopened         how often a dissatisfied callback reopened the ticket
 */
public record TicketState(
        TicketStatus status, AssignmentLevel level, boolean extensionPending, boolean callbackRecorded, int reopened) {}
