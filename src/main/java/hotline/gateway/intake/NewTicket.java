package hotline.gateway.intake;

import hotline.gateway.assignment.AssignmentRecord;
import hotline.gateway.criteria.Assessment;
import hotline.gateway.jurisdiction.Assignment;
import hotline.gateway.ticket.NeedsView;
import hotline.gateway.ticket.Priority;
import hotline.gateway.ticket.message.TicketMessage;
import hotline.gateway.validation.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything decided about a request before it is stored: written in one transaction with its first assignment
 * and its dispatch message.
 *
 * @param requestHash the request's fingerprint: a retry has the same, a different body under the same id does not
 * @param urgency     whether it is urgent, why, and whether the sender flagged it
 * @param trackingCode what the caller gives with the ticket number to follow it without credentials
 * @param warnings    location hints left out (malformed, or matching nothing): stored with the request and answered
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
        String trackingCode,
        List<FieldError> warnings) {

    public NewTicket {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
