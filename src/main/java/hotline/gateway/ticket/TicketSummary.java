package hotline.gateway.ticket;

import hotline.gateway.criteria.Assessment;
import java.util.Map;

/**
 * The answer to an accepted request: the ticket number and the tracking code to read to the caller (with both, the
 * caller follows the case at GET /tickets/{no}), and what happens next.
 */
public record TicketSummary(
        String ticketNo,
        String trackingCode,
        String status,
        String priority,
        NeedsView needs,
        AssignmentView assignedTo,
        SlaView sla,
        Map<String, String> links,
        Assessment assessment) {

    public static TicketSummary of(
            String ticketNo,
            String trackingCode,
            String status,
            String priority,
            NeedsView needs,
            AssignmentView assignedTo,
            SlaView sla,
            Assessment assessment) {
        return new TicketSummary(
                ticketNo,
                trackingCode,
                status,
                priority,
                needs,
                assignedTo,
                sla,
                Map.of("self", TicketLinks.self(ticketNo)),
                assessment);
    }
}
