package hotline.gateway.dispatch;

import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a batch of outbox messages to their queues in one broker transaction: persistent, with Artemis's duplicate
 * id so that a batch sent again after a crash is dropped by the broker instead of delivered twice.
 */
@Component
public class TicketPublisher {

    /** Artemis's duplicate-detection property (Message.HDR_DUPLICATE_DETECTION_ID). */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final JmsTemplate jms;

    public TicketPublisher(JmsTemplate jms) {
        this.jms = jms;
    }

    /** Returns once the broker has committed every message of the batch. */
    void publish(List<PendingMessage> messages) {
        jms.execute(session -> {
            try (MessageProducer producer = session.createProducer(null)) {
                for (PendingMessage pending : messages) {
                    TextMessage message = session.createTextMessage(pending.payload());
                    message.setStringProperty(DUPLICATE_ID, pending.dedupId());
                    // Offices may select on these without parsing the body.
                    message.setStringProperty("ticketNo", pending.ticketNo());
                    message.setStringProperty("schemaVersion", String.valueOf(TicketMessage.SCHEMA_VERSION));
                    message.setStringProperty("messageType", TicketMessage.TYPE_DISPATCH);
                    message.setStringProperty("contentType", "application/json");
                    producer.send(session.createQueue(pending.destination()), message,
                            jakarta.jms.DeliveryMode.PERSISTENT, pending.priority(), 0);
                }
            }
            commit(session);
            return null;
        }, true);
    }

    private static void commit(Session session) throws JMSException {
        if (session.getTransacted()) {
            session.commit();
        }
    }
}
