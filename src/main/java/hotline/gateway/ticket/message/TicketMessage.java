package hotline.gateway.ticket.message;

import hotline.gateway.classification.semantic.DangerScore;
import hotline.gateway.criteria.Assessment;
import hotline.gateway.ticket.AssignmentView;
import hotline.gateway.ticket.Household;
import hotline.gateway.ticket.Location;
import hotline.gateway.ticket.NeedsView;
import hotline.gateway.ticket.Person;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The JSON message an office receives on its queue for a new ticket. {@code schemaVersion} changes only when a
 * consumer would have to change; fields are only ever added within a version
 * (src/main/resources/schemas/messages/ticket-dispatch.schema.json).
 *
 * @param links      absolute links to the ticket in the REST API (hotline.public-base-url): self, events
 * @param dangerHint the model's danger hint, for a person to look at, when no rule made the ticket urgent
 * @param sla        the deadlines of the assignment this message hands over
 * @param urgency    why the ticket is URGENT (or that it is not): the rules and their evidence
 */
public record TicketMessage(
        int schemaVersion,
        String messageType,
        String ticketNo,
        int ticketVersion,
        String source,
        String externalId,
        OffsetDateTime receivedAt,
        Instant createdAt,
        String priority,
        NeedsView needs,
        AssignmentView assignment,
        String content,
        String findings,
        Person contact,
        Location location,
        Household household,
        Map<String, String> details,
        Map<String, String> links,
        Assessment assessment,
        DangerScore dangerHint,
        DispatchSla sla,
        Urgency urgency) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE_DISPATCH = "TICKET_DISPATCH";
}
