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
 * A ticket as those holding it see it (the holders' view): state, needs, office and history. It carries no personal
 * data and not the call's content. {@code assessment}: the programs the household may qualify for, when any
 * program serves its needs. {@code trackingCode}: what the caller was given to follow the case (for those holding
 * the ticket, e.g. the hotline, to read it out again).
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
        DangerScore dangerHint,
        String trackingCode) {

    public record Event(String type, String status, String actor, String office, String reason, Instant at) {}
}
