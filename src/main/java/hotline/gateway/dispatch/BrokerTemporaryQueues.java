package hotline.gateway.dispatch;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.util.Optional;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.springframework.jms.support.JmsUtils;

/**
 * Asks the broker (embedded or external) who made a temporary queue, through Artemis's management address: the
 * queue's {@code user} attribute, and whether it is temporary at all. The gateway's user has the manage right.
 */
public class BrokerTemporaryQueues implements TemporaryQueueOwners {

    /** Artemis's default management address (management-address in broker.xml). */
    static final String MANAGEMENT_ADDRESS = "activemq.management";

    private final ConnectionFactory connectionFactory;
    private final Duration timeout;

    public BrokerTemporaryQueues(ConnectionFactory connectionFactory, Duration timeout) {
        this.connectionFactory = connectionFactory;
        this.timeout = timeout;
    }

    @Override
    public Optional<String> owner(String queueName) {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            if (!Boolean.TRUE.equals(attribute(session, queueName, "temporary"))) {
                return Optional.empty();
            }
            Object user = attribute(session, queueName, "user");
            return user == null ? Optional.empty() : Optional.of(user.toString());
        } catch (JMSException e) {
            throw JmsUtils.convertJmsAccessException(e);
        }
    }

    /** One attribute of the queue's control; null when the broker has no such queue or did not answer in time. */
    private Object attribute(Session session, String queueName, String attribute) throws JMSException {
        Queue management = session.createQueue(MANAGEMENT_ADDRESS);
        TemporaryQueue replies = session.createTemporaryQueue();
        try (MessageProducer producer = session.createProducer(management);
                MessageConsumer consumer = session.createConsumer(replies)) {
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queueName, attribute);
            request.setJMSReplyTo(replies);
            producer.send(request);
            Message reply = consumer.receive(timeout.toMillis());
            if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
                return null;
            }
            return JMSManagementHelper.getResult(reply);
        } catch (JMSException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + attribute + " of queue " + queueName, e);
        } finally {
            replies.delete();
        }
    }
}
