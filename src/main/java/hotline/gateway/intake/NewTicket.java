package hotline.gateway.intake;

import hotline.gateway.criteria.Assessment;
import hotline.gateway.jurisdiction.Assignment;
import hotline.gateway.ticket.NeedsView;
import hotline.gateway.ticket.Priority;
import hotline.gateway.workflow.AssignmentRecord;
import java.time.Instant;

/** Everything decided about a request before it is stored: written in one transaction with its outbox message. */
record NewTicket(
        ServiceRequest request,
        byte[] requestHash,
        String ticketNo,
        Priority priority,
        NeedsView needs,
        String urgencyJson,
        Assignment assignment,
        AssignmentRecord firstAssignment,
        String messageJson,
        Instant createdAt,
        Assessment assessment) {

    String dedupId() {
        return ticketNo + ":1";
    }
}
