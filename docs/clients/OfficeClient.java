import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A town office over JMS (Artemis CORE): takes a ticket from tickets.<town>, signs for it and resolves it on
 * ticket-events, and reads the result of each event on ticket-results.<town>.
 *   java -cp 'artemis-jakarta-client-all-2.40.0.jar' OfficeClient.java 310104003 [ticketNo]
 * BROKER_URL (tcp://localhost:61616), BROKER_USER (office-<town>), BROKER_PASSWORD (office-local) from the environment.
 */
public class OfficeClient {

    public static void main(String[] args) throws Exception {
        String town = args.length > 0 ? args[0] : "310104003";
        String onlyTicket = args.length > 1 ? " AND ticketNo = '" + args[1] + "'" : "";
        String url = env("BROKER_URL", "tcp://localhost:61616");
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                Connection connection = factory.createConnection(
                        env("BROKER_USER", "office-" + town), env("BROKER_PASSWORD", "office-local"))) {
            connection.start();
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer tickets = session.createConsumer(
                    session.createQueue("tickets." + town), "messageType = 'TICKET_DISPATCH'" + onlyTicket);
            TextMessage ticket = (TextMessage) tickets.receive(30_000);
            if (ticket == null) {
                throw new IllegalStateException("no ticket on tickets." + town + " within 30 s");
            }
            String ticketNo = ticket.getStringProperty("ticketNo");
            System.out.println("ticket " + ticketNo + ": " + ticket.getText());
            MessageProducer events = session.createProducer(session.createQueue("ticket-events"));
            String resolve = ",\"result\":\"Visited; meals arranged\"";
            for (String[] event : new String[][] {{"SIGN", ""}, {"RESOLVE", resolve}}) {
                String eventId = event[0].toLowerCase() + "-" + UUID.randomUUID();
                events.send(session.createTextMessage(String.format(
                        "{\"ticketNo\":\"%s\",\"eventId\":\"%s\",\"type\":\"%s\",\"actor\":\"sample-client\"%s}",
                        ticketNo, eventId, event[0], event[1])));
                try (MessageConsumer results = session.createConsumer(
                        session.createQueue("ticket-results." + town), "eventId = '" + eventId + "'")) {
                    TextMessage result = (TextMessage) results.receive(30_000);
                    if (result == null || !"ACCEPTED".equals(result.getStringProperty("outcome"))) {
                        throw new IllegalStateException(event[0] + " not accepted: "
                                + (result == null ? "no result within 30 s" : result.getText()));
                    }
                    System.out.println(event[0] + " result: " + result.getText());
                }
            }
            ticket.acknowledge(); // the ticket leaves the queue once it is resolved
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
