package hotline.gateway.ticket.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The gateway's answer to one event an office sent on ticket-events, on the sender's ticket-results.<office> queue
 * (or its JMSReplyTo): accepted, with the ticket's status and version after the event, or refused, with the problem
 * body the REST API answers for the same event. No personal data.
 *
 * @param eventId       the event's id as sent (absent when the message named none)
 * @param eventType     the event's type as sent (absent when the message named none)
 * @param repeated      accepted: true when the same event had been applied before (a retry)
 * @param status        accepted: the ticket's status after the event
 * @param ticketVersion accepted: the ticket's version after the event (a return, reassignment or reopening adds 1)
 * @param problem       refused: why
 * @param processedAt   when the gateway decided
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketResult(
        int schemaVersion,
        String messageType,
        String eventId,
        String ticketNo,
        String eventType,
        ResultOutcome outcome,
        Boolean repeated,
        String status,
        Integer ticketVersion,
        Problem problem,
        Instant processedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "TICKET_RESULT";
    /** Each office's results queue is this prefix and its office code (ticket-results.310104003). */
    public static final String ADDRESS_PREFIX = "ticket-results.";

    public static TicketResult accepted(
            String eventId,
            String ticketNo,
            String eventType,
            boolean repeated,
            String status,
            int ticketVersion,
            Instant at) {
        return new TicketResult(
                SCHEMA_VERSION,
                TYPE,
                eventId,
                ticketNo,
                eventType,
                ResultOutcome.ACCEPTED,
                repeated,
                status,
                ticketVersion,
                null,
                at);
    }

    public static TicketResult refused(String eventId, String ticketNo, String eventType, Problem problem, Instant at) {
        return new TicketResult(
                SCHEMA_VERSION,
                TYPE,
                eventId,
                ticketNo,
                eventType,
                ResultOutcome.REFUSED,
                null,
                null,
                null,
                problem,
                at);
    }

    /** The RFC 9457 problem the REST API answers for the same event, with the event's id. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Problem(
            String type, String title, int status, String detail, String eventId, List<FieldProblem> errors) {}

    /** One bad field: its name and what is wrong with it. */
    public record FieldProblem(String field, String message) {}
}
