package hotline.gateway.ticket.message;

import hotline.gateway.ticket.AssignmentView;
import java.time.Instant;
import java.util.Map;

/**
 * An SLA message about one target of a ticket, no personal data: SLA_WARNING to the office's own queue when the
 * warning share of the target's time has passed, SLA_BREACH to escalations.<district> (the district's supervisors)
 * when its deadline has ({@code breachedAt}).
 */
public record SlaMessage(
        int schemaVersion,
        String messageType,
        String ticketNo,
        String target,
        Instant assignedAt,
        Instant dueAt,
        Instant breachedAt,
        String priority,
        String primaryNeed,
        AssignmentView office,
        String district,
        Map<String, String> links) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE_WARNING = "SLA_WARNING";
    public static final String TYPE_BREACH = "SLA_BREACH";
}
