package hotline.gateway.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A ticket as the operator or the citizen may see it: state, needs, office and history. It carries no personal
 * data and not the call's content.
 */
public record TicketDetails(String ticketNo, String status, String priority, boolean extended, boolean escalated,
                            NeedsView needs, AssignmentView assignedTo, SlaView sla, Instant receivedAt,
                            Instant createdAt, Instant updatedAt, List<Event> events, Map<String, String> links) {

    public record Event(String type, String status, String actor, String office, String reason, Instant at) {
    }
}
