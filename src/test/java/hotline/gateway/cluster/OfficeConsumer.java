package hotline.gateway.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * An office (or a desk) reading its queue as it would in production: with its own broker user, through the pair's
 * URL (both nodes, failover on), acknowledging each message as it takes it. It keeps what it received, with the
 * broker's message id: a message the broker delivers again after a failover (its acknowledgement was lost) has the
 * same id; a message sent twice would have two.
 */
final class OfficeConsumer implements AutoCloseable {

    /** One delivery. {@code assignedCode} is the office the message body names (dispatches only). */
    record Received(
            String queue,
            String ticketNo,
            String messageType,
            String messageId,
            String duplicateId,
            String assignedCode) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String queue;
    private final ActiveMQConnectionFactory factory;
    private final Connection connection;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> interruptions = new ConcurrentLinkedQueue<>();

    OfficeConsumer(String brokerUrl, String user, String password, String queue) throws JMSException {
        this.queue = queue;
        this.factory = new ActiveMQConnectionFactory(brokerUrl);
        this.connection = factory.createConnection(user, password);
        // Told of each failover (the node it was connected to went away); the connection carries on on the other.
        connection.setExceptionListener(e -> interruptions.add(String.valueOf(e)));
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createQueue(queue)).setMessageListener(this::onMessage);
        connection.start();
    }

    private void onMessage(Message message) {
        try {
            String body = ((TextMessage) message).getText();
            JsonNode json = JSON.readTree(body);
            received.add(new Received(
                    queue,
                    message.getStringProperty("ticketNo"),
                    message.getStringProperty("messageType"),
                    message.getJMSMessageID(),
                    message.getStringProperty("_AMQ_DUPL_ID"),
                    json.at("/assignment/code").isMissingNode()
                            ? null
                            : json.at("/assignment/code").asText()));
        } catch (Exception e) {
            errors.add(queue + ": " + e);
        }
    }

    String queue() {
        return queue;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Messages this office could not read. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    /** What the connection's exception listener was told: one entry per failover it went through. */
    List<String> interruptions() {
        return List.copyOf(interruptions);
    }

    @Override
    public void close() throws JMSException {
        try {
            connection.close();
        } finally {
            factory.close();
        }
    }
}
