package hotline.gateway.sla;

import hotline.gateway.ticket.AssignmentView;
import java.time.Instant;
import java.util.Map;

/** What the district's supervisors receive on escalations.<district> when a deadline passes. No personal data. */
public record EscalationMessage(int schemaVersion, String messageType, String ticketNo, String target,
                                Instant assignedAt, Instant dueAt, Instant breachedAt, String priority,
                                String primaryNeed, AssignmentView office, String district,
                                Map<String, String> links) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "SLA_BREACH";
}
