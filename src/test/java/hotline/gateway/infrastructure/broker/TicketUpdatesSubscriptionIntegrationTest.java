package hotline.gateway.infrastructure.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The hotline system follows ticket-updates over each protocol the broker speaks, through its durable subscription
 * queue ticket-updates::ticket-updates.hotline (config/artemis/addresses.xml): a STOMP client (frames over a socket),
 * an AMQP 1.0 client (Qpid JMS) and a CORE client (Artemis JMS). The updates are published as the gateway's relay
 * publishes them, persistent on the multicast address; updates published while the hotline was away wait for it.
 */
@Timeout(120)
class TicketUpdatesSubscriptionIntegrationTest {

    static final Path BROKER_XML = Path.of("config", "artemis", "broker.xml");
    static final String ADDRESS = "ticket-updates";
    static final String SUBSCRIPTION = "ticket-updates::ticket-updates.hotline";

    @TempDir
    Path dataDir;

    EmbeddedBroker broker;
    int port;

    @BeforeAll
    static void quietBrokerLogs() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.activemq")).setLevel(Level.WARN);
    }

    @AfterAll
    static void restoreBrokerLogs() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.activemq")).setLevel(null);
    }

    @BeforeEach
    void startBroker() throws IOException {
        port = freePort();
        broker = new EmbeddedBroker(BROKER_XML, "127.0.0.1", port, dataDir);
        broker.start();
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void overStompWithItsFullyQualifiedName() throws Exception {
        publish("20261129-0000001", "{\"status\":\"SIGNED\"}");

        try (StompClient stomp = StompClient.connect(port, "hotline", "hotline-local")) {
            // STOMP 1.2 writes a colon in a header value as \c: the destination is
            // ticket-updates::ticket-updates.hotline.
            Frame receipt = stomp.send(
                    "SUBSCRIBE",
                    Map.of("id", "updates", "destination", SUBSCRIPTION, "ack", "client-individual", "receipt", "s"));
            assertThat(receipt.command()).as(receipt.toString()).isEqualTo("RECEIPT");

            // Published before the hotline connected: waiting in its queue.
            Frame waiting = stomp.receive();
            assertThat(waiting.command()).as(waiting.toString()).isEqualTo("MESSAGE");
            assertThat(waiting.body()).isEqualTo("{\"status\":\"SIGNED\"}");
            assertThat(waiting.headers()).containsEntry("ticketNo", "20261129-0000001");
            stomp.send("ACK", Map.of("id", waiting.headers().get("ack")));

            publish("20261129-0000001", "{\"status\":\"RESOLVED\"}");
            Frame live = stomp.receive();
            assertThat(live.body()).isEqualTo("{\"status\":\"RESOLVED\"}");
            stomp.send("ACK", Map.of("id", live.headers().get("ack")));
        }
        awaitEmptySubscription();
    }

    /** What made STOMP subscribers fail with AMQ339016: a subscription of their own needs a right they do not have. */
    @Test
    void aStompSubscriptionOfItsOwnIsStillRefused() throws Exception {
        try (StompClient stomp = StompClient.connect(port, "hotline", "hotline-local")) {
            Frame refused = stomp.send("SUBSCRIBE", Map.of("id", "own", "destination", ADDRESS, "receipt", "s"));
            assertThat(refused.command()).isEqualTo("ERROR");
            assertThat(refused.headers().get("message")).contains("AMQ339016");
        }
    }

    @Test
    void overAmqpWithQpidJms() throws Exception {
        publish("20261129-0000002", "{\"status\":\"SIGNED\"}");

        JmsConnectionFactory amqp = new JmsConnectionFactory("amqp://127.0.0.1:" + port);
        assertReceivesWaitingThenLive(amqp, "20261129-0000002");
        awaitEmptySubscription();
    }

    @Test
    void overCoreWithArtemisJmsAndAcrossABrokerRestart() throws Exception {
        publish("20261129-0000003", "{\"status\":\"SIGNED\"}");
        broker.close();
        broker = new EmbeddedBroker(BROKER_XML, "127.0.0.1", port, dataDir);
        broker.start();

        try (ActiveMQConnectionFactory core = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port)) {
            assertReceivesWaitingThenLive(core, "20261129-0000003");
        }
        awaitEmptySubscription();
    }

    @Test
    void onlyTheHotlineReadsItsSubscription() throws Exception {
        publish("20261129-0000004", "{\"status\":\"SIGNED\"}");
        try (ActiveMQConnectionFactory core = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
                Connection office = core.createConnection("office-310104003", "office-local")) {
            Session session = office.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(SUBSCRIPTION)))
                    .isInstanceOf(JMSSecurityException.class);
        }
        try (StompClient stomp = StompClient.connect(port, "desk-310104", "desk-local")) {
            Frame refused = stomp.send("SUBSCRIBE", Map.of("id", "x", "destination", SUBSCRIPTION, "receipt", "s"));
            assertThat(refused.command()).isEqualTo("ERROR");
        }
        assertThat(broker.server().locateQueue("ticket-updates.hotline").getMessageCount())
                .isEqualTo(1);
    }

    /** The update published before the client connected, then one published while it listens. */
    private void assertReceivesWaitingThenLive(ConnectionFactory factory, String ticketNo) throws JMSException {
        try (Connection connection = factory.createConnection("hotline", "hotline-local")) {
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(SUBSCRIPTION));
            connection.start();

            Message waiting = consumer.receive(10_000);
            assertThat(waiting).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) waiting).getText()).isEqualTo("{\"status\":\"SIGNED\"}");
            assertThat(waiting.getStringProperty("ticketNo")).isEqualTo(ticketNo);
            waiting.acknowledge();

            publish(ticketNo, "{\"status\":\"RESOLVED\"}");
            Message live = consumer.receive(10_000);
            assertThat(((TextMessage) live).getText()).isEqualTo("{\"status\":\"RESOLVED\"}");
            live.acknowledge();
        }
    }

    private void awaitEmptySubscription() {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(broker.server()
                                .locateQueue("ticket-updates.hotline")
                                .getMessageCount())
                        .isZero());
    }

    /** As the gateway's relay publishes a ticket update: persistent, on the multicast address, as the gateway. */
    private void publish(String ticketNo, String body) throws JMSException {
        try (ActiveMQConnectionFactory core = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
                Connection connection = core.createConnection("gateway", "gateway-local")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic(ADDRESS));
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty("ticketNo", ticketNo);
            message.setStringProperty("messageType", "TICKET_UPDATE");
            producer.send(message, DeliveryMode.PERSISTENT, 4, 0);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    record Frame(String command, Map<String, String> headers, String body) {}

    /** A STOMP 1.2 client of just the frames this test needs, over a plain socket. */
    static final class StompClient implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        private StompClient(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        static StompClient connect(int port, String login, String passcode) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            StompClient client = new StompClient(socket);
            Frame connected = client.send(
                    "CONNECT",
                    Map.of("accept-version", "1.2", "host", "127.0.0.1", "login", login, "passcode", passcode));
            assertThat(connected.command()).as(connected.toString()).isEqualTo("CONNECTED");
            return client;
        }

        /** Sends a frame; answers the broker's reply when the frame asks for one (CONNECT, a receipt). */
        Frame send(String command, Map<String, String> headers) throws IOException {
            StringBuilder frame = new StringBuilder(command).append('\n');
            headers.forEach((name, value) ->
                    frame.append(escape(name)).append(':').append(escape(value)).append('\n'));
            frame.append('\n').append('\0');
            out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return command.equals("CONNECT") || headers.containsKey("receipt") ? receive() : null;
        }

        /** The next frame from the broker (heart-beat newlines skipped). */
        Frame receive() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int b = in.read();
            while (b == '\n' || b == '\r') {
                b = in.read();
            }
            while (b > 0) {
                bytes.write(b);
                b = in.read();
            }
            if (b < 0) {
                throw new IOException("connection closed by the broker after " + bytes);
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            int blank = text.indexOf("\n\n");
            String[] head = text.substring(0, blank).split("\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.putIfAbsent(unescape(head[i].substring(0, colon)), unescape(head[i].substring(colon + 1)));
            }
            return new Frame(head[0], headers, text.substring(blank + 2));
        }

        private static String escape(String value) {
            return value.replace("\\", "\\\\").replace(":", "\\c").replace("\n", "\\n");
        }

        private static String unescape(String value) {
            return value.replace("\\n", "\n").replace("\\c", ":").replace("\\\\", "\\");
        }

        @Override
        public void close() throws IOException {
            try {
                send("DISCONNECT", Map.of("receipt", "bye"));
            } catch (IOException e) {
                // already closed by the broker (after an ERROR frame)
            } finally {
                socket.close();
            }
        }
    }
}
