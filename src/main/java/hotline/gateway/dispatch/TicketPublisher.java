package hotline.gateway.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.ticket.message.TicketMessage;
import hotline.gateway.ticket.message.TicketUpdate;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.support.JmsUtils;
import org.springframework.stereotype.Component;

/**
 * Sends a batch of outbox messages to their queues (and the ticket-updates topic): persistent, with Artemis's
 * duplicate id so that a message sent again after a crash is dropped by the broker instead of delivered twice.
 *
 * <p>A batch goes in one broker transaction: one sync for the whole batch. Artemis refuses a whole transaction that
 * holds a duplicate, so when a batch is refused (some of it reached the broker before the gateway or the broker
 * stopped) it goes again one message at a time, and the broker drops just the duplicates.
 *
 * <p>Plain JMS on purpose: a JmsTemplate called inside the relay's database transaction would commit the broker
 * session after the database, and a message could be marked sent without having been.
 */
@Component
public class TicketPublisher {

    /** Artemis's duplicate-detection property (Message.HDR_DUPLICATE_DETECTION_ID). */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private static final Logger log = LoggerFactory.getLogger(TicketPublisher.class);

    private final ConnectionFactory connectionFactory;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Destination> destinations = new ConcurrentHashMap<>();

    public TicketPublisher(ConnectionFactory connectionFactory, ObjectMapper json, Clock clock) {
        this.connectionFactory = connectionFactory;
        this.json = json;
        this.clock = clock;
    }

    /** Returns once the broker has every message of the batch (or already had it). */
    void publish(List<PendingMessage> messages) {
        // The caching connection factory shares one connection and keeps sessions and producers: closing returns them.
        try (Connection connection = connectionFactory.createConnection()) {
            try {
                sendInOneTransaction(connection, messages);
            } catch (JMSException e) {
                if (!refusedAsDuplicate(e)) {
                    throw e;
                }
                log.info(
                        "Broker refused a batch of {} messages (it holds some of them already): sending one by one",
                        messages.size());
                sendOneByOne(connection, messages);
            }
        } catch (JMSException e) {
            throw JmsUtils.convertJmsAccessException(e);
        }
    }

    private void sendInOneTransaction(Connection connection, List<PendingMessage> messages) throws JMSException {
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            for (PendingMessage message : messages) {
                send(session, message);
            }
            session.commit();
        }
    }

    /** Outside a transaction a persistent send returns once the broker has stored it, or fails as a duplicate. */
    private void sendOneByOne(Connection connection, List<PendingMessage> messages) throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            for (PendingMessage message : messages) {
                try {
                    send(session, message);
                } catch (JMSException e) {
                    if (!refusedAsDuplicate(e)) {
                        throw e;
                    }
                }
            }
        }
    }

    private void send(Session session, PendingMessage pending) throws JMSException {
        TextMessage message = session.createTextMessage(pending.payload());
        message.setStringProperty(DUPLICATE_ID, pending.dedupId());
        // Offices may select on these without parsing the body.
        message.setStringProperty("ticketNo", pending.ticketNo());
        message.setStringProperty("schemaVersion", String.valueOf(TicketMessage.SCHEMA_VERSION));
        message.setStringProperty("messageType", pending.messageType());
        message.setStringProperty("contentType", "application/json");
        // Artemis asks the broker about a queue when the Queue object and when its producer are made: both are kept
        // (here, and in the caching connection factory), so a send costs no round trip of its own.
        try (MessageProducer producer = session.createProducer(destination(session, pending))) {
            producer.send(message, DeliveryMode.PERSISTENT, pending.priority(), 0);
        }
        if (pending.announcesDispatch()) {
            send(session, dispatchedUpdate(pending));
        }
    }

    /**
     * The DISPATCHED change on ticket-updates, in the same broker transaction as the ticket's message: it holds when
     * that message does, and costs no outbox row of its own. Its duplicate id follows the message's.
     */
    private PendingMessage dispatchedUpdate(PendingMessage dispatch) {
        try {
            String payload = json.writeValueAsString(TicketUpdate.dispatched(
                    dispatch.ticketNo(), dispatch.ticketVersion(), dispatch.address(), clock.instant()));
            return new PendingMessage(
                    dispatch.id(),
                    dispatch.ticketId(),
                    dispatch.ticketNo(),
                    dispatch.ticketVersion(),
                    OutboxMessage.topic(TicketUpdate.ADDRESS),
                    DuplicateId.dispatched(dispatch.ticketNo(), dispatch.ticketVersion())
                            .value(),
                    dispatch.priority(),
                    payload,
                    false,
                    TicketUpdate.TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the dispatched update", e);
        }
    }

    private Destination destination(Session session, PendingMessage pending) throws JMSException {
        Destination destination = destinations.get(pending.destination());
        if (destination == null) {
            destination =
                    pending.toTopic() ? session.createTopic(pending.address()) : session.createQueue(pending.address());
            destinations.put(pending.destination(), destination);
        }
        return destination;
    }

    private static boolean refusedAsDuplicate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ActiveMQDuplicateIdException) {
                return true;
            }
            if (cause instanceof JMSException jms && jms.getLinkedException() instanceof ActiveMQDuplicateIdException) {
                return true;
            }
        }
        return false;
    }
}
