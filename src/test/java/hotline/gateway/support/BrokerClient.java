package hotline.gateway.support;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue),
                    "ticketNo = '" + ticketNo + "'");
            List<TextMessage> messages = new ArrayList<>();
            Message message = consumer.receive(firstTimeoutMillis);
            while (message != null) {
                messages.add((TextMessage) message);
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
}
