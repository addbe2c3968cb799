package hotline.gateway.web;

import hotline.gateway.infrastructure.database.DatabaseUnavailableException;
import hotline.gateway.intake.BatchTooLargeException;
import hotline.gateway.intake.IdempotencyConflictException;
import hotline.gateway.ticket.TicketNotFoundException;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.validation.InvalidInputException;
import hotline.gateway.workflow.EventIdConflictException;
import hotline.gateway.workflow.IllegalTransitionException;
import hotline.gateway.workflow.OfficeNotPermittedException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The HTTP error policy: every exception of an HTTP route becomes a problem+json answer. Client mistakes are 4xx and
 * name the field; an unavailable database is 503 (the client retries); anything else is a 500 with an incident id
 * that is logged, never a stack trace in the answer.
 */
@Component("problemReplies")
public class ProblemReplies {

    private static final Logger log = LoggerFactory.getLogger(ProblemReplies.class);
    /** Retry-After of a 503 when the database circuit does not say. */
    private static final long RETRY_AFTER_SECONDS = 5;

    private final HttpReplies replies;

    public ProblemReplies(HttpReplies replies) {
        this.replies = replies;
    }

    public void render(Exchange exchange) {
        Exception exception = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String instance = exchange.getIn().getHeader(Exchange.HTTP_URI, String.class);
        Problem problem = toProblem(exception, instance);
        if (problem.status() == 503) {
            DatabaseUnavailableException circuitOpen = cause(exception, DatabaseUnavailableException.class);
            exchange.getMessage()
                    .setHeader(
                            "Retry-After",
                            String.valueOf(
                                    circuitOpen == null ? RETRY_AFTER_SECONDS : circuitOpen.retryAfterSeconds()));
        }
        if (problem.status() == 401) {
            exchange.getMessage().setHeader("WWW-Authenticate", "Basic realm=\"hotline-gateway\", charset=\"UTF-8\"");
        }
        replies.write(exchange, problem.status(), Problem.MEDIA_TYPE, problem);
    }

    Problem toProblem(Exception exception, String instance) {
        if (exception instanceof InvalidInputException invalid) {
            return new Problem(
                    "/problems/invalid-input",
                    "Invalid request",
                    400,
                    describe(invalid.errors()),
                    instance,
                    invalid.errors());
        }
        if (exception instanceof HttpProblemException http) {
            return Problem.of(http.status(), http.title(), http.field(), http.getMessage(), instance);
        }
        if (exception instanceof BatchTooLargeException tooLarge) {
            return new Problem(
                    "/problems/payload-too-large",
                    "Payload too large",
                    413,
                    tooLarge.getMessage(),
                    instance,
                    List.of(new FieldError("(body)", tooLarge.getMessage())));
        }
        if (exception instanceof IdempotencyConflictException conflict) {
            return new Problem(
                    "/problems/id-conflict",
                    "Conflicting request",
                    409,
                    conflict.getMessage(),
                    instance,
                    List.of(new FieldError(conflict.field(), "already used with a different body")));
        }
        if (exception instanceof IllegalTransitionException illegal) {
            return new Problem(
                    "/problems/illegal-transition",
                    "Event not allowed in this state",
                    409,
                    illegal.getMessage(),
                    instance,
                    List.of(new FieldError(
                            "type", illegal.event() + " is not allowed while the ticket is " + illegal.status())));
        }
        if (exception instanceof EventIdConflictException conflict) {
            return new Problem(
                    "/problems/id-conflict",
                    "Conflicting request",
                    409,
                    conflict.getMessage(),
                    instance,
                    List.of(new FieldError("eventId", "already used for another event")));
        }
        if (exception instanceof OfficeNotPermittedException forbidden) {
            return new Problem(
                    "/problems/forbidden",
                    "Not this office's ticket",
                    403,
                    forbidden.getMessage(),
                    instance,
                    List.of(new FieldError("office", forbidden.getMessage())));
        }
        if (exception instanceof TicketNotFoundException notFound) {
            return new Problem("/problems/not-found", "Not found", 404, notFound.getMessage(), instance, List.of());
        }
        String incident = UUID.randomUUID().toString();
        if (exception instanceof CannotGetJdbcConnectionException
                || exception instanceof DataAccessResourceFailureException
                || exception instanceof TransientDataAccessException
                || exception instanceof CannotCreateTransactionException
                || cause(exception, SQLTransientConnectionException.class) != null) {
            if (cause(exception, DatabaseUnavailableException.class) != null) {
                // The circuit logged the outage once when it opened; one line per refused request would flood.
                log.debug("Incident {}: database unreachable for {}", incident, instance);
            } else {
                log.warn("Incident {}: database unavailable for {}: {}", incident, instance, exception.getMessage());
            }
            return new Problem(
                    "/problems/unavailable",
                    "Service unavailable",
                    503,
                    "The service is temporarily unavailable; retry later. Incident " + incident,
                    instance,
                    List.of());
        }
        log.error("Incident {}: unexpected failure for {}", incident, instance, exception);
        return new Problem(
                "/problems/internal",
                "Internal error",
                500,
                "The request could not be completed. Incident " + incident,
                instance,
                List.of());
    }

    /** The exception or the first of its causes of that type; null when none is. */
    private static <T extends Throwable> T cause(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(List<FieldError> errors) {
        StringBuilder detail = new StringBuilder();
        for (FieldError error : errors) {
            if (!detail.isEmpty()) {
                detail.append("; ");
            }
            detail.append(error.field()).append(' ').append(error.message());
        }
        return detail.toString();
    }
}
