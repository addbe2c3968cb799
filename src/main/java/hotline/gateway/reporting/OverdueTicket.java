package hotline.gateway.reporting;

import java.time.Instant;
import java.util.List;

/**
 * An open ticket past a deadline of its current assignment: the office, the first target missed (SIGN, CONTACT,
 * RESOLVE or REASSIGN) with its deadline and, if the SLA sweep has seen it, when it was breached; every target missed.
 */
public record OverdueTicket(
        String ticketNo,
        String status,
        String priority,
        String need,
        boolean escalated,
        Instant receivedAt,
        Office office,
        String target,
        Instant deadline,
        Instant breachedAt,
        List<String> overdueTargets,
        String link) {

    public record Office(String level, String code, String name, String district) {}
}
