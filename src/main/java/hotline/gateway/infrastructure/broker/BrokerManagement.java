package hotline.gateway.infrastructure.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * Requests to the broker's management address ({@code activemq.management}), answered on a temporary queue: what
 * the web console and the CLI ask, over the gateway's own JMS connection, so it works alike for the embedded broker
 * and an external one. The gateway's broker user needs the {@code manage} permission (config/artemis gives it on #).
 */
public class BrokerManagement {

    static final String MANAGEMENT_ADDRESS = "activemq.management";

    private final ConnectionFactory connectionFactory;
    private final Duration timeout;

    public BrokerManagement(ConnectionFactory connectionFactory, Duration timeout) {
        this.connectionFactory = connectionFactory;
        this.timeout = timeout;
    }

    /** The result of an operation of a resource ("broker", "queue.DLQ"), as the broker answers it. */
    public Object invoke(String resource, String operation, Object... parameters) {
        return request(message -> JMSManagementHelper.putOperationInvocation(message, resource, operation, parameters));
    }

    /** An attribute of a resource ("queue.tickets.310104003", "firstMessageTimestamp"). */
    public Object attribute(String resource, String attribute) {
        return request(message -> JMSManagementHelper.putAttribute(message, resource, attribute));
    }

    private interface Filler {
        void fill(Message message) throws Exception;
    }

    private Object request(Filler filler) {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            TemporaryQueue replies = session.createTemporaryQueue();
            try (MessageProducer producer = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                    MessageConsumer consumer = session.createConsumer(replies)) {
                Message request = session.createMessage();
                filler.fill(request);
                request.setJMSReplyTo(replies);
                producer.send(request);
                Message reply = consumer.receive(timeout.toMillis());
                if (reply == null) {
                    throw new BrokerManagementException("no answer from the broker's management within " + timeout);
                }
                if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                    throw new BrokerManagementException(
                            "the broker's management refused: " + JMSManagementHelper.getResult(reply));
                }
                return JMSManagementHelper.getResult(reply);
            } finally {
                replies.delete();
            }
        } catch (BrokerManagementException e) {
            throw e;
        } catch (Exception e) {
            throw new BrokerManagementException("management request failed: " + e, e);
        }
    }

    /** A management request that failed or went unanswered. */
    public static final class BrokerManagementException extends RuntimeException {
        BrokerManagementException(String message) {
            super(message);
        }

        BrokerManagementException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
