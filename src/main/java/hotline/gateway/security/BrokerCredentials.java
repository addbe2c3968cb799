package hotline.gateway.security;

import hotline.gateway.validation.HttpProblemException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Authenticates REST clients (HTTP Basic) against the broker's own users: offices use one account for their queue
 * and for the REST API, and there is one place to manage it (config/artemis/ or the production broker's JAAS). A
 * user whose password the broker accepted is remembered for a few minutes, so the API does not open a broker
 * connection per request.
 */
public class BrokerCredentials {

    private static final Duration REMEMBER = Duration.ofMinutes(5);
    /* A refused password is refused again for a while without asking the broker: guessing costs it nothing. */
    private static final Duration REMEMBER_REFUSAL = Duration.ofSeconds(30);

    private final String brokerUrl;
    private final Set<String> systemUsers;
    /* Until when (System.nanoTime) a user and password the broker accepted are taken without asking it again. */
    private final Map<String, Long> verified = new ConcurrentHashMap<>();
    private final Map<String, Long> refused = new ConcurrentHashMap<>();

    public BrokerCredentials(String brokerUrl, Set<String> systemUsers) {
        this.brokerUrl = brokerUrl;
        this.systemUsers = Set.copyOf(systemUsers);
    }

    /**
     * The actor of an Authorization header; 401 without valid credentials, 403 for a user that acts for no office,
     * 503 when the broker cannot tell.
     */
    public Actor authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthorized("credentials required (HTTP Basic, the office's broker user)");
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized("credentials are not valid Base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw unauthorized("credentials must be user:password");
        }
        String user = decoded.substring(0, colon);
        String key = user + ":" + sha256(decoded);
        if (stillRemembered(refused, key)) {
            throw unauthorized("user or password not accepted");
        }
        if (!stillRemembered(verified, key)) {
            try {
                verifyWithBroker(user, decoded.substring(colon + 1));
            } catch (HttpProblemException e) {
                if (e.status() == 401) {
                    refused.put(key, System.nanoTime() + REMEMBER_REFUSAL.toNanos());
                }
                throw e;
            }
            refused.remove(key);
            verified.put(key, System.nanoTime() + REMEMBER.toNanos());
        }
        return Actor.ofUser(user, systemUsers)
                .orElseThrow(() -> new HttpProblemException(
                        403,
                        "Forbidden",
                        "Authorization",
                        "user " + user + " acts for no office, desk or the hotline"));
    }

    private static boolean stillRemembered(Map<String, Long> until, String key) {
        Long time = until.get(key);
        if (time == null) {
            return false;
        }
        if (System.nanoTime() - time > 0) {
            until.remove(key);
            return false;
        }
        return true;
    }

    private void verifyWithBroker(String user, String password) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl)) {
            factory.setReconnectAttempts(0);
            factory.setInitialConnectAttempts(1);
            factory.createConnection(user, password).close();
        } catch (JMSSecurityException e) {
            throw unauthorized("user or password not accepted");
        } catch (JMSException e) {
            throw new HttpProblemException(
                    503,
                    "Service unavailable",
                    "Authorization",
                    "cannot be checked now: the broker is not reachable; retry later");
        }
    }

    private static HttpProblemException unauthorized(String why) {
        return new HttpProblemException(401, "Unauthorized", "Authorization", why);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
