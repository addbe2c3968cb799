package hotline.gateway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import hotline.gateway.intake.IntakeOutcome;
import hotline.gateway.ticket.TicketSummary;
import hotline.gateway.validation.FieldError;
import java.util.List;

/**
 * The answer to a call or a report taken: the ticket's fields, and {@code warnings} naming each location hint that
 * was left out of routing (absent when there were none).
 */
record IntakeAnswer(
        @JsonUnwrapped TicketSummary ticket,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> warnings) {

    static IntakeAnswer of(IntakeOutcome outcome) {
        return new IntakeAnswer(outcome.ticket(), outcome.warnings());
    }
}
