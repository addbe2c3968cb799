package hotline.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Stands in for every office: one consumer on each town's, district desk's and the city desk's queue, noting when
 * each dispatched ticket arrived. It reads as the broker's gateway user, which may read every queue; an office's
 * own user could read only its own.
 */
final class OfficeConsumers implements AutoCloseable {

    private static final int SESSIONS = 4;

    private final Connection connection;
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    private OfficeConsumers(Connection connection) {
        this.connection = connection;
    }

    static OfficeConsumers start(String brokerUrl, Set<String> queues) throws JMSException {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                brokerUrl,
                System.getProperty("brokerUser", "gateway"),
                System.getProperty("brokerPassword", "gateway-local"));
        Connection connection = factory.createConnection();
        OfficeConsumers offices = new OfficeConsumers(connection);
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(connection.createSession(false, Session.AUTO_ACKNOWLEDGE));
        }
        int i = 0;
        for (String queue : queues) {
            Session session = sessions.get(i++ % SESSIONS);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            consumer.setMessageListener(offices::received);
        }
        connection.start();
        return offices;
    }

    private void received(Message message) {
        long now = System.nanoTime();
        try {
            if ("TICKET_DISPATCH".equals(message.getStringProperty("messageType"))
                    && message instanceof TextMessage text) {
                String ticketNo = json.readTree(text.getText()).path("ticketNo").asText();
                receivedAt.putIfAbsent(ticketNo, now);
            }
        } catch (Exception e) {
            System.out.println("unreadable message: " + e.getMessage());
        }
    }

    Long receivedAt(String ticketNo) {
        return receivedAt.get(ticketNo);
    }

    boolean receivedAll(Collection<String> ticketNos) {
        return receivedAt.keySet().containsAll(ticketNos);
    }

    void forget() {
        receivedAt.clear();
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
