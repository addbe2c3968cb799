package hotline.gateway.ticket;

import java.util.Map;

/** The answer to an accepted request: the ticket number to read to the caller, and what happens next. */
public record TicketSummary(String ticketNo, String status, String priority, NeedsView needs,
                            AssignmentView assignedTo, SlaView sla, Map<String, String> links) {

    public static TicketSummary of(String ticketNo, String status, String priority, NeedsView needs,
                                   AssignmentView assignedTo, SlaView sla) {
        return new TicketSummary(ticketNo, status, priority, needs, assignedTo, sla,
                Map.of("self", TicketLinks.self(ticketNo)));
    }
}
