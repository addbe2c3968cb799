package hotline.gateway.infrastructure.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker started from the project's config/artemis, exactly as the gateway starts it, with JMS clients
 * of the roles that use it: the gateway, a town office, district and city desks.
 */
class EmbeddedBrokerIntegrationTest {

    static final Path BROKER_XML = Path.of("config", "artemis", "broker.xml");
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    @TempDir
    Path dataDir;

    EmbeddedBroker broker;
    long startMillis;

    /** Artemis logs every deployed queue (and, at DEBUG, much more); the tests keep its warnings and errors. */
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
        broker = new EmbeddedBroker(BROKER_XML, "127.0.0.1", freePort(), dataDir);
        long began = System.nanoTime();
        broker.start();
        startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void startsFromTheSharedBrokerXmlWithSecurityAndTheDeclaredQueues() {
        System.out.printf("embedded broker started in %d ms%n", startMillis);
        assertThat(broker.isRunning()).isTrue();

        var configuration = broker.server().getConfiguration();
        assertThat(configuration.isSecurityEnabled()).isTrue();
        assertThat(configuration.isPersistenceEnabled()).isTrue();
        assertThat(configuration.getIDCacheSize()).isEqualTo(50_000);
        assertThat(configuration.isPersistIDCache()).isTrue();
        assertThat(configuration.getJournalLocation().toPath()).isEqualTo(dataDir.resolve("journal"));
        assertThat(configuration.getBindingsLocation().toPath()).isEqualTo(dataDir.resolve("bindings"));
        assertThat(configuration.getPagingLocation().toPath()).isEqualTo(dataDir.resolve("paging"));
        assertThat(configuration.getLargeMessagesLocation().toPath()).isEqualTo(dataDir.resolve("large-messages"));
        assertThat(configuration.getAcceptorConfigurations()).singleElement().satisfies(acceptor -> {
            assertThat(acceptor.getParams())
                    .containsEntry("host", "127.0.0.1")
                    .containsEntry("port", broker.port())
                    .containsEntry("protocols", "CORE,AMQP,STOMP,MQTT");
        });

        AddressSettings events = broker.server().getAddressSettingsRepository().getMatch("ticket-events");
        assertThat(events.getMaxDeliveryAttempts()).isEqualTo(5);
        assertThat(events.getRedeliveryDelay()).isEqualTo(5_000);
        assertThat(events.getDeadLetterAddress().toString()).isEqualTo("DLQ");
        assertThat(events.getExpiryAddress().toString()).isEqualTo("ExpiryQueue");
        AddressSettings tickets = broker.server().getAddressSettingsRepository().getMatch("tickets.999999999");
        assertThat(tickets.isAutoCreateQueues()).isTrue();
        assertThat(tickets.isAutoDeleteQueues()).isFalse();
        assertThat(tickets.getDeadLetterAddress().toString()).isEqualTo("DLQ");

        for (String queue : new String[] {
            "DLQ",
            "ExpiryQueue",
            "ticket-events",
            "triage.city",
            "triage.310104",
            "escalations.310104",
            "tickets.310104003",
            "tickets.310101002",
            "tickets.310151501"
        }) {
            assertThat(broker.server().locateQueue(queue)).as(queue).isNotNull();
        }
    }

    @Test
    void gatewaySendsToATownQueueAndThatOfficeReceives() throws JMSException {
        send("gateway", "gateway-local", "tickets.310104003", "ticket T-1", null);

        assertThat(receive("office-310104003", "office-local", "tickets.310104003"))
                .isEqualTo("ticket T-1");
    }

    @Test
    void anOfficeIsRefusedOnAnotherTownsQueue() throws JMSException {
        send("gateway", "gateway-local", "tickets.310101002", "ticket for Nanjing East Road", null);

        assertThatThrownBy(() -> receive("office-310104003", "office-local", "tickets.310101002"))
                .isInstanceOf(JMSSecurityException.class)
                .hasMessageContaining("CONSUME");
        // ...and the ticket is still there for the right office.
        assertThat(receive("office-310101002", "office-local", "tickets.310101002"))
                .isEqualTo("ticket for Nanjing East Road");
    }

    @Test
    void anOfficeMayNotWriteTicketsNorBrowseAnotherTownButMaySendEvents() throws JMSException {
        assertThatThrownBy(() -> send("office-310104003", "office-local", "tickets.310104003", "forged", null))
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> browse("office-310104003", "office-local", "tickets.310101002"))
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> receive("office-310104003", "office-local", "triage.310104"))
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> receive("office-310104003", "office-local", "ticket-events"))
                .isInstanceOf(JMSSecurityException.class);

        send("office-310104003", "office-local", "ticket-events", "{\"event\":\"SIGN\"}", null);
        assertThat(receive("gateway", "gateway-local", "ticket-events")).isEqualTo("{\"event\":\"SIGN\"}");
    }

    @Test
    void deskReadsItsDistrictsTriageAndEscalationsOnly() throws JMSException {
        send("gateway", "gateway-local", "triage.310104", "district only", null);
        send("gateway", "gateway-local", "escalations.310104", "breach", null);
        send("gateway", "gateway-local", "triage.city", "no district", null);

        assertThat(receive("desk-310104", "desk-local", "triage.310104")).isEqualTo("district only");
        assertThat(receive("desk-310104", "desk-local", "escalations.310104")).isEqualTo("breach");
        assertThatThrownBy(() -> receive("desk-310104", "desk-local", "triage.310105"))
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> receive("desk-310104", "desk-local", "tickets.310104003"))
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> receive("desk-310104", "desk-local", "triage.city"))
                .isInstanceOf(JMSSecurityException.class);
        assertThat(receive("desk-city", "desk-local", "triage.city")).isEqualTo("no district");
        send("desk-city", "desk-local", "ticket-events", "{\"event\":\"RETURN\"}", null);
    }

    @Test
    void aWrongPasswordOrUnknownUserIsRefused() {
        assertThatThrownBy(() -> connect("gateway", "not-the-password").close())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> connect("nobody", "gateway-local").close()).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> connect(null, null).close()).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aMessageSentTwiceWithTheSameDuplicateIdIsDeliveredOnce() throws JMSException {
        send("gateway", "gateway-local", "tickets.310104003", "ticket T-2 v1", "T-2:1");
        send("gateway", "gateway-local", "tickets.310104003", "ticket T-2 v1 (resent)", "T-2:1");
        send("gateway", "gateway-local", "tickets.310104003", "ticket T-2 v2", "T-2:2");

        try (Connection connection = connect("office-310104003", "office-local")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("tickets.310104003"));
            assertThat(((TextMessage) consumer.receive(5_000)).getText()).isEqualTo("ticket T-2 v1");
            assertThat(((TextMessage) consumer.receive(5_000)).getText()).isEqualTo("ticket T-2 v2");
            assertThat(consumer.receive(500)).isNull();
        }
        Queue queue = broker.server().locateQueue("tickets.310104003");
        assertThat(queue.getMessagesAdded()).isEqualTo(2);
    }

    @Test
    void aPersistentMessageSurvivesStopAndStartOnTheSameJournal() throws JMSException {
        send("gateway", "gateway-local", "tickets.310104003", "ticket T-3", "T-3:1");

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        assertThatThrownBy(() -> connect("gateway", "gateway-local").close()).isInstanceOf(JMSException.class);

        broker.start();
        assertThat(broker.isRunning()).isTrue();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> broker.server().locateQueue("tickets.310104003").getMessageCount() == 1);
        // The duplicate-id cache was persisted too: a resend after the restart is still dropped.
        send("gateway", "gateway-local", "tickets.310104003", "ticket T-3 (resent)", "T-3:1");
        assertThat(receive("office-310104003", "office-local", "tickets.310104003"))
                .isEqualTo("ticket T-3");
        assertThat(receiveOrNull("office-310104003", "office-local", "tickets.310104003", 500))
                .isNull();
    }

    @Test
    @Timeout(60) // a guard against the hang this prevents (Artemis waiting for its journal lock), not a speed check
    void aSecondBrokerOnTheSameDataDirFailsAtOnceInsteadOfWaitingForTheLock() throws IOException {
        EmbeddedBroker second = new EmbeddedBroker(BROKER_XML, "127.0.0.1", freePort(), dataDir);
        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another broker");
        assertThat(second.isRunning()).isFalse();
        assertThat(broker.isRunning()).isTrue();
    }

    @Test
    void aBusyPortFailsTheStart(@TempDir Path otherDataDir) throws IOException {
        var serverLog =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.activemq.artemis.core.server");
        serverLog.setLevel(Level.OFF); // the expected bind failure, with its stack trace
        try {
            EmbeddedBroker second = new EmbeddedBroker(BROKER_XML, "127.0.0.1", broker.port(), otherDataDir);
            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not serving");
            assertThat(second.isRunning()).isFalse();
            // The failed start released its data dir: trying again fails on the port again, not on a stale lock.
            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not serving");
        } finally {
            serverLog.setLevel(null);
        }
        assertThat(broker.isRunning()).isTrue();
    }

    // --- JMS clients ---------------------------------------------------------------------------------------------

    Connection connect(String user, String password) throws JMSException {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.brokerUrl() + "?reconnectAttempts=0");
        Connection connection = factory.createConnection(user, password);
        connection.start();
        return connection;
    }

    void send(String user, String password, String queue, String text, String duplicateId) throws JMSException {
        try (Connection connection = connect(user, password)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            TextMessage message = session.createTextMessage(text);
            if (duplicateId != null) {
                message.setStringProperty(DUPLICATE_ID, duplicateId);
            }
            producer.send(message);
        }
    }

    String receive(String user, String password, String queue) throws JMSException {
        String text = receiveOrNull(user, password, queue, 5_000);
        assertThat(text).as("a message on " + queue).isNotNull();
        return text;
    }

    String receiveOrNull(String user, String password, String queue, long timeoutMillis) throws JMSException {
        try (Connection connection = connect(user, password)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            Message message = consumer.receive(timeoutMillis);
            return message == null ? null : ((TextMessage) message).getText();
        }
    }

    void browse(String user, String password, String queue) throws JMSException {
        try (Connection connection = connect(user, password)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createBrowser(session.createQueue(queue)).getEnumeration().hasMoreElements();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
