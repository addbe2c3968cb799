package hotline.gateway.intake;

import hotline.gateway.assignment.AssignmentRecord;
import hotline.gateway.criteria.Assessment;
import hotline.gateway.jurisdiction.Assignment;
import hotline.gateway.ticket.NeedsView;
import hotline.gateway.ticket.Priority;
import hotline.gateway.ticket.message.TicketMessage;
import java.time.Instant;
import java.util.Map;

/**
 * Everything decided about a request before it is stored: written in one transaction with its first assignment
 * and its dispatch message.
 *
 * @param requestHash the request's fingerprint: a retry has the same, a different body under the same id does not
 * @param urgency     whether it is urgent, why, and whether the sender flagged it
 * @param trackingCode what the caller gives with the ticket number to follow it without credentials
 */
public record NewTicket(
        ServiceRequest request,
        byte[] requestHash,
        String ticketNo,
        Priority priority,
        NeedsView needs,
        Map<String, Object> urgency,
        Assignment assignment,
        AssignmentRecord firstAssignment,
        TicketMessage message,
        Instant createdAt,
        Assessment assessment,
        String trackingCode) {}
