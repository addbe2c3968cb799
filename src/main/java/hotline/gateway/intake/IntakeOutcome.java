package hotline.gateway.intake;

import hotline.gateway.ticket.TicketSummary;
import hotline.gateway.validation.FieldError;
import java.util.List;

/**
 * A request accepted now ({@code created}) or earlier (a retry): the ticket either way, and the location hints that
 * were left out of routing ({@code warnings}: malformed, or matching nothing).
 */
public record IntakeOutcome(boolean created, TicketSummary ticket, List<FieldError> warnings) {

    public IntakeOutcome {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public IntakeOutcome(boolean created, TicketSummary ticket) {
        this(created, ticket, List.of());
    }
}
