package hotline.gateway.support;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A JMS client of the broker over TCP, as an office would be: reads what the gateway dispatched. */
public final class BrokerClient {

    private final String url;
    private final String user;
    private final String password;

    public BrokerClient(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Takes (consumes) every message for this ticket now on the queue, waiting up to the timeout for the first. */
    public List<TextMessage> take(String queue, String ticketNo, long firstTimeoutMillis) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                Connection connection = factory.createConnection(user, password)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer =
                    session.createConsumer(session.createQueue(queue), "ticketNo = '" + ticketNo + "'");
            List<TextMessage> messages = new ArrayList<>();
            Message message = consumer.receive(firstTimeoutMillis);
            while (message != null) {
                messages.add(checked((TextMessage) message));
                message = consumer.receive(300);
            }
            return messages;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many messages for this ticket the queue holds, without taking them. */
    public int count(String queue, String ticketNo) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                Connection connection = factory.createConnection(user, password)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(queue), "ticketNo = '" + ticketNo + "'");
            return Collections.list(browser.getEnumeration()).size();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a persistent text message as this client's user, with string properties (an office's event, say). */
    public void send(String queue, String body, Map<String, String> properties) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                Connection connection = factory.createConnection(user, password)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage(body);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            session.createProducer(session.createQueue(queue)).send(message);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a persistent text message with a JMSReplyTo naming a queue (which this client may or may not read), as an
     * office that asks for its results elsewhere would.
     */
    public void sendWithReplyTo(String queue, String body, Map<String, String> properties, String replyToQueue) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                Connection connection = factory.createConnection(user, password)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage(body);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            message.setJMSReplyTo(session.createQueue(replyToQueue));
            session.createProducer(session.createQueue(queue)).send(message);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a message with a temporary queue of this connection as its JMSReplyTo and takes what arrives there: the
     * first reply within the timeout, then any other within a short while.
     */
    public List<TextMessage> request(String queue, String body, Map<String, String> properties, long timeoutMillis) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                Connection connection = factory.createConnection(user, password)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageConsumer consumer = session.createConsumer(replies);
            TextMessage message = session.createTextMessage(body);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            message.setJMSReplyTo(replies);
            session.createProducer(session.createQueue(queue)).send(message);
            List<TextMessage> received = new ArrayList<>();
            Message reply = consumer.receive(timeoutMillis);
            while (reply != null) {
                received.add(checked((TextMessage) reply));
                reply = consumer.receive(500);
            }
            return received;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subscribes to a multicast address now; the subscription collects what arrives until it is closed. */
    public Subscription subscribe(String topic, String selector) {
        try {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
            Connection connection = factory.createConnection(user, password);
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createTopic(topic), selector);
            Subscription subscription = new Subscription(factory, connection);
            consumer.setMessageListener(subscription::add);
            connection.start();
            return subscription;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every message the tests read from the broker is checked against the schema of its messageType. */
    private static TextMessage checked(TextMessage message) {
        MessageSchemas.check(message);
        return message;
    }

    /** Messages received on a topic subscription, as text. */
    public static final class Subscription implements AutoCloseable {

        private final ActiveMQConnectionFactory factory;
        private final Connection connection;
        private final List<String> received = new CopyOnWriteArrayList<>();
        private final List<AssertionError> mismatches = new CopyOnWriteArrayList<>();

        private Subscription(ActiveMQConnectionFactory factory, Connection connection) {
            this.factory = factory;
            this.connection = connection;
        }

        private void add(Message message) {
            try {
                received.add(checked((TextMessage) message).getText());
            } catch (AssertionError e) {
                // The listener's thread cannot fail the test: received() does.
                mismatches.add(e);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }

        /** What arrived so far; fails when a message did not match its schema. */
        public List<String> received() {
            if (!mismatches.isEmpty()) {
                throw mismatches.get(0);
            }
            return List.copyOf(received);
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            } finally {
                factory.close();
            }
        }
    }
}
