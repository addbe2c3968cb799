package hotline.gateway.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import hotline.gateway.security.Actor;
import hotline.gateway.tracking.TicketQueries;
import hotline.gateway.validation.RequestValues;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Where office events come in: the REST API and the ticket-events queue, both onto the same service. */
public class OfficeEvents {

    private final OfficeEventParser parser;
    private final TicketEventService service;
    private final TicketQueries queries;
    private final ObjectReader json;
    private final Set<String> systemUsers;

    public OfficeEvents(
            TicketEventService service,
            TicketQueries queries,
            ObjectMapper json,
            Set<String> systemUsers,
            Clock clock) {
        this.service = service;
        this.queries = queries;
        this.json = RequestValues.requestReader(json);
        this.systemUsers = Set.copyOf(systemUsers);
        this.parser = new OfficeEventParser(clock);
    }

    /** POST /tickets/{ticketNo}/events. */
    public EventReceipt fromHttp(JsonNode body, String ticketNo, Actor actor) {
        OfficeEvent event = parser.parse(body, ticketNo);
        boolean recorded = service.apply(ticketNo, event, actor);
        return new EventReceipt(recorded, queries.find(ticketNo, actor));
    }

    /**
     * The body of a message from ticket-events as JSON.
     *
     * @throws NotAnEventException when it is not a JSON object: no event at all
     */
    public JsonNode readQueued(String body) {
        JsonNode node;
        try {
            node = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new NotAnEventException("(body) is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new NotAnEventException("(body) is not a JSON object");
        }
        return node;
    }

    /**
     * Who a message from ticket-events is from: an office's, a desk's, the hotline's or a system user; empty when the
     * broker did not stamp the message (AMQP) or stamped a user that is none of these.
     *
     * @param brokerUser the user the broker authenticated for the sender (Artemis's validated user), if known
     */
    public Optional<Actor> queueSender(String brokerUser) {
        return brokerUser == null ? Optional.empty() : Actor.ofUser(brokerUser, systemUsers);
    }

    /** Applies the event of a message from ticket-events for its sender (see {@link #queueSender}). */
    public TicketEventService.Applied fromQueue(JsonNode node, Optional<Actor> sender, String brokerUser) {
        OfficeEventParser.QueuedEvent queued = parser.parseQueued(node);
        // JMS (CORE) and STOMP senders are stamped by the broker; an unstamped message (AMQP) names nobody it could
        // be checked against.
        if (sender.isEmpty()) {
            throw new OfficeNotPermittedException("the sender of an event on ticket-events must be an office's, a "
                    + "desk's, the hotline's or a system broker user stamped by the broker (JMS or STOMP); it was "
                    + (brokerUser == null ? "not stamped" : brokerUser));
        }
        return service.applyEvent(queued.ticketNo(), queued.event(), sender.get());
    }
}
