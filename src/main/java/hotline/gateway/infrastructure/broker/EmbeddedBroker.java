package hotline.gateway.infrastructure.broker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Artemis broker inside the gateway's JVM, started from the same broker.xml, users and roles as the standalone
 * broker (config/artemis), with security enforced. Only the transport and the directories differ: one TCP acceptor
 * on {@code host:port} for CORE, AMQP, STOMP and MQTT, and every journal directory under {@code dataDir}.
 *
 * <p>{@link #start()} and {@link #stop()} may be called repeatedly: a stopped broker starts again on the same port
 * and journal, with everything that was persisted. Each start reads the configuration files again.
 */
public class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    public static final String ACCEPTOR_NAME = "artemis";
    public static final String PROTOCOLS = "CORE,AMQP,STOMP,MQTT";
    static final String LOCK_FILE = "embedded-broker.lock";

    private final Path configFile;
    private final String host;
    private final int port;
    private final Path dataDir;

    private EmbeddedActiveMQ broker;
    /** Open while this broker holds the data dir; closing it releases the lock. */
    private FileChannel lockChannel;

    public EmbeddedBroker(Path configFile, String host, int port, Path dataDir) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Embedded broker port must be 1..65535, was " + port);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Embedded broker host must not be empty");
        }
        this.configFile = configFile.toAbsolutePath().normalize();
        this.host = host.trim();
        this.port = port;
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    public EmbeddedBroker(EmbeddedBrokerProperties properties) {
        this(properties.config(), properties.host(), properties.port(), properties.dataDir());
    }

    /** Starts the broker and returns once its acceptor takes connections. Does nothing if it is running. */
    public synchronized void start() {
        if (broker != null) {
            return;
        }
        long began = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            lockDataDir();
            Configuration configuration = BrokerConfigurationFiles.loadBrokerXml(configFile);
            applyEmbeddedOverrides(configuration);
            ActiveMQJAASSecurityManager securityManager = new ActiveMQJAASSecurityManager(
                    BrokerConfigurationFiles.JAAS_DOMAIN, BrokerConfigurationFiles.loadJaas(configFile.getParent()));

            EmbeddedActiveMQ starting = new EmbeddedActiveMQ();
            starting.setConfiguration(configuration);
            starting.setSecurityManager(securityManager);
            broker = starting;
            starting.start();
            ensureServing(starting.getActiveMQServer());
        } catch (Exception e) {
            stopQuietly();
            throw new IllegalStateException(
                    "Embedded Artemis broker did not start on " + brokerUrl() + " with " + configFile + " and data in "
                            + dataDir + ": " + e.getMessage(),
                    e);
        }
        log.info(
                "Embedded Artemis broker serving {} ({}) in {} ms; config {}, data {}",
                brokerUrl(),
                PROTOCOLS,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began),
                configFile,
                dataDir);
    }

    /** Stops the broker; persisted messages stay in the data dir for the next start. Does nothing if stopped. */
    public synchronized void stop() {
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
            log.info("Embedded Artemis broker on {} stopped", brokerUrl());
        } catch (Exception e) {
            throw new IllegalStateException("Embedded Artemis broker on " + brokerUrl() + " did not stop cleanly", e);
        } finally {
            broker = null;
            unlockDataDir();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return broker != null
                && broker.getActiveMQServer() != null
                && broker.getActiveMQServer().isActive();
    }

    /** The running server, for health checks and tests. */
    public synchronized ActiveMQServer server() {
        if (broker == null || broker.getActiveMQServer() == null) {
            throw new IllegalStateException("Embedded Artemis broker is not running");
        }
        return broker.getActiveMQServer();
    }

    /** The URL clients use, e.g. tcp://127.0.0.1:61616. */
    public String brokerUrl() {
        return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path configFile() {
        return configFile;
    }

    /**
     * What differs from the standalone broker: the acceptor (the file's first acceptor keeps its tuning parameters,
     * gets our host, port and protocols), the directories, no watching of broker.xml for changes (a restart
     * applies them; users and roles are reloaded by the login module on their own), and no JMX: there is no web
     * console in the gateway, and registering an MBean for each of some 270 queues would slow every start.
     */
    void applyEmbeddedOverrides(Configuration configuration) {
        Map<String, Object> params = new HashMap<>();
        configuration.getAcceptorConfigurations().stream()
                .filter(acceptor -> NettyAcceptorFactory.class.getName().equals(acceptor.getFactoryClassName()))
                .findFirst()
                .ifPresent(acceptor -> params.putAll(acceptor.getParams()));
        params.put(TransportConstants.HOST_PROP_NAME, host);
        params.put(TransportConstants.PORT_PROP_NAME, port);
        params.put(TransportConstants.PROTOCOLS_PROP_NAME, PROTOCOLS);
        configuration.clearAcceptorConfigurations();
        configuration.addAcceptorConfiguration(
                new TransportConfiguration(NettyAcceptorFactory.class.getName(), params, ACCEPTOR_NAME));

        configuration.setBrokerInstance(dataDir.toFile());
        configuration.setBindingsDirectory(dataDir.resolve("bindings").toString());
        configuration.setJournalDirectory(dataDir.resolve("journal").toString());
        configuration.setPagingDirectory(dataDir.resolve("paging").toString());
        configuration.setLargeMessagesDirectory(
                dataDir.resolve("large-messages").toString());
        configuration.setNodeManagerLockDirectory(dataDir.resolve("journal").toString());
        configuration.setConfigurationFileRefreshPeriod(-1);
        configuration.setJMXManagementEnabled(false);
    }

    /**
     * A broker without HA activates within {@code start()}; when that fails (a journal or acceptor error), Artemis
     * logs it and returns, so look.
     */
    private void ensureServing(ActiveMQServer server) {
        Acceptor acceptor = server.getRemotingService() == null
                ? null
                : server.getRemotingService().getAcceptor(ACCEPTOR_NAME);
        if (!server.isActive() || acceptor == null || !acceptor.isStarted()) {
            throw new IllegalStateException(
                    "the broker is not serving (port in use, or a journal error: " + "see the broker's log above)");
        }
    }

    /**
     * One broker per data dir: Artemis itself would wait forever for the journal's lock if another broker (another
     * gateway, or a second Spring context in the same test run) holds it. Fail at once instead.
     */
    private void lockDataDir() throws IOException {
        FileChannel channel =
                FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            channel.close();
            throw new IllegalStateException("data dir " + dataDir + " is in use by another broker");
        }
        lockChannel = channel;
    }

    private void unlockDataDir() {
        try {
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.warn("Could not release the lock on {}: {}", dataDir, e.toString());
        } finally {
            lockChannel = null;
        }
    }

    private void stopQuietly() {
        try {
            if (broker != null) {
                broker.stop();
            }
        } catch (Exception e) {
            log.warn("Embedded Artemis broker did not stop cleanly after a failed start: {}", e.toString());
        } finally {
            broker = null;
            unlockDataDir();
        }
    }
}
