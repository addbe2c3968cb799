package hotline.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.dispatch.ResultAddresses;
import hotline.gateway.dispatch.ResultAddresses.ReplyTo;
import hotline.gateway.dispatch.ResultAddresses.ResultAddress;
import hotline.gateway.json.Json;
import hotline.gateway.security.Actor;
import hotline.gateway.ticket.TicketNotFoundException;
import hotline.gateway.ticket.message.TicketResult;
import hotline.gateway.validation.InvalidInputException;
import hotline.gateway.workflow.EventIdConflictException;
import hotline.gateway.workflow.IllegalTransitionException;
import hotline.gateway.workflow.OfficeEvents;
import hotline.gateway.workflow.OfficeNotPermittedException;
import hotline.gateway.workflow.TicketEventService;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import java.time.Clock;
import java.util.Optional;
import org.apache.activemq.artemis.jms.client.ActiveMQDestination;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsConstants;

/**
 * The ticket-events queue's adapter: applies the event of a message and turns what became of it into a TICKET_RESULT
 * for the sender, on an address it may read ({@link ResultAddresses}). A refusal carries the problem body the REST
 * API answers for the same event ({@link ProblemReplies}). A message that is no event, or a refused event whose
 * sender has nowhere to read a result (an unstamped sender, a system user without a temporary reply queue), throws
 * on to the dead-letter queue as before.
 */
public class TicketEventMessages {

    /** The JMS properties a result carries, beside its JSON body. */
    static final String MESSAGE_TYPE = "messageType";

    private static final int MAX_ECHOED_LENGTH = 64;

    private final OfficeEvents events;
    private final ResultAddresses addresses;
    private final ProblemReplies problems;
    private final Json json;
    private final Clock clock;

    public TicketEventMessages(
            OfficeEvents events, ResultAddresses addresses, ProblemReplies problems, Json json, Clock clock) {
        this.events = events;
        this.addresses = addresses;
        this.problems = problems;
        this.json = json;
        this.clock = clock;
    }

    /**
     * routes/office-events.yaml: applies the message's event; leaves the result as the message to send (body,
     * properties, destination) or stops the route when there is nowhere to send it.
     */
    public void receive(Exchange exchange) throws JMSException {
        Message in = exchange.getIn();
        String brokerUser = in.getHeader("JMSXUserID", String.class);
        Optional<Actor> sender = events.queueSender(brokerUser);
        JsonNode node = events.readQueued(in.getBody(String.class));
        String eventId = echoed(node, "eventId");
        String ticketNo = echoed(node, "ticketNo");
        String eventType = echoed(node, "type");
        TicketResult result;
        RuntimeException refusal = null;
        try {
            TicketEventService.Applied applied = events.fromQueue(node, sender, brokerUser);
            result = TicketResult.accepted(
                    eventId,
                    ticketNo,
                    eventType,
                    !applied.recorded(),
                    applied.status().name(),
                    applied.version(),
                    clock.instant());
        } catch (InvalidInputException
                | IllegalTransitionException
                | OfficeNotPermittedException
                | EventIdConflictException
                | TicketNotFoundException e) {
            refusal = e;
            result = TicketResult.refused(eventId, ticketNo, eventType, problem(e, eventId), clock.instant());
        }
        Optional<ResultAddress> address =
                addresses.of(sender.orElse(null), replyTo(in.getHeader("JMSReplyTo", Destination.class)));
        if (address.isEmpty()) {
            if (refusal != null) {
                throw refusal;
            }
            exchange.setRouteStop(true);
            return;
        }
        String correlationId = in.getHeader("JMSCorrelationID", String.class);
        String messageId = in.getHeader("JMSMessageID", String.class);
        Message out = exchange.getMessage();
        // Nothing of the office's message goes back out: only the result and its own properties.
        out.removeHeaders("*");
        out.setBody(json.write(result));
        if (address.get().temporary()) {
            out.setHeader(
                    JmsConstants.JMS_DESTINATION,
                    ActiveMQDestination.createTemporaryQueue(address.get().address()));
        } else {
            out.setHeader(JmsConstants.JMS_DESTINATION_NAME, address.get().address());
        }
        out.setHeader("JMSCorrelationID", correlationId != null ? correlationId : messageId);
        out.setHeader(MESSAGE_TYPE, TicketResult.TYPE);
        out.setHeader("schemaVersion", String.valueOf(TicketResult.SCHEMA_VERSION));
        out.setHeader("contentType", "application/json");
        out.setHeader("outcome", result.outcome().name());
        if (ticketNo != null) {
            out.setHeader("ticketNo", ticketNo);
        }
        if (eventId != null) {
            out.setHeader("eventId", eventId);
        }
    }

    private TicketResult.Problem problem(RuntimeException e, String eventId) {
        Problem problem = problems.toProblem(e, null);
        return new TicketResult.Problem(
                problem.type(),
                problem.title(),
                problem.status(),
                problem.detail(),
                eventId,
                problem.errors() == null
                        ? null
                        : problem.errors().stream()
                                .map(error -> new TicketResult.FieldProblem(error.field(), error.message()))
                                .toList());
    }

    private static ReplyTo replyTo(Destination destination) throws JMSException {
        if (destination instanceof TemporaryQueue temporary) {
            return new ReplyTo(temporary.getQueueName(), true);
        }
        if (destination instanceof Queue queue) {
            return new ReplyTo(queue.getQueueName(), false);
        }
        return null;
    }

    /** A text field of the message as sent, cut to a sensible length; null when absent or not text. */
    private static String echoed(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            return null;
        }
        String text = value.asText();
        return text.length() > MAX_ECHOED_LENGTH ? text.substring(0, MAX_ECHOED_LENGTH) : text;
    }
}
