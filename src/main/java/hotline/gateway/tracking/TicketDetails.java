package hotline.gateway.tracking;

import hotline.gateway.classification.semantic.DangerScore;
import hotline.gateway.criteria.Assessment;
import hotline.gateway.ticket.AssignmentView;
import hotline.gateway.ticket.NeedsView;
import hotline.gateway.ticket.SlaView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A ticket as the operator or the citizen may see it: state, needs, office and history. It carries no personal
 * data and not the call's content. {@code assessment}: the programs the household may qualify for, when any
 * program serves its needs.
 */
public record TicketDetails(
        String ticketNo,
        String status,
        String priority,
        boolean extended,
        boolean escalated,
        NeedsView needs,
        AssignmentView assignedTo,
        SlaView sla,
        Instant receivedAt,
        Instant createdAt,
        Instant updatedAt,
        List<Event> events,
        Map<String, String> links,
        Assessment assessment,
        DangerScore dangerHint) {

    public record Event(String type, String status, String actor, String office, String reason, Instant at) {}
}
