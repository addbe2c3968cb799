package hotline.gateway.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import hotline.gateway.security.Actor;
import hotline.gateway.tracking.TicketQueries;
import hotline.gateway.validation.InvalidInputException;
import hotline.gateway.validation.RequestValues;
import java.time.Clock;
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
     * A message from ticket-events.
     *
     * @param brokerUser the user the broker authenticated for the sender (Artemis's validated user), if known
     */
    public void fromQueue(String body, String brokerUser) {
        JsonNode node;
        try {
            node = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("(body)", "is not valid JSON");
        }
        OfficeEventParser.QueuedEvent queued = parser.parseQueued(node);
        // JMS (CORE) and STOMP senders are stamped by the broker; an unstamped message (AMQP) names nobody it could
        // be checked against, and goes to the dead-letter queue.
        Actor actor = brokerUser == null
                ? null
                : Actor.ofUser(brokerUser, systemUsers).orElse(null);
        if (actor == null) {
            throw new OfficeNotPermittedException("the sender of an event on ticket-events must be an office's, a "
                    + "desk's, the hotline's or a system broker user stamped by the broker (JMS or STOMP); it was "
                    + (brokerUser == null ? "not stamped" : brokerUser));
        }
        service.apply(queued.ticketNo(), queued.event(), actor);
    }
}
