package hotline.gateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Failed authentications on the REST side (API keys, office passwords, tracking codes), counted per user (a client
 * id, a broker user, a ticket number) and per client address. After {@code maxPerUser} failures of a user, or
 * {@code maxPerAddress} failures from an address, within one window, every attempt of that user or from that address
 * is refused, the right password too, until the window that began with the first failure has passed. Each gateway
 * instance counts its own. At most {@code maxTracked} users and addresses are tracked: beyond, the oldest window is
 * forgotten first.
 *
 * <p>Metrics: {@code hotline_auth_failures_total{kind}} and {@code hotline_auth_blocked_total{kind}}, kind being
 * api_key, office_password or tracking_code.
 */
public final class FailedLogins {

    public enum Kind {
        API_KEY,
        OFFICE_PASSWORD,
        TRACKING_CODE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Limits(int maxPerUser, int maxPerAddress, Duration window, int maxTracked) {
        public Limits {
            if (maxPerUser < 1 || maxPerAddress < 1 || maxTracked < 2 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("failed-login limits must be positive: " + maxPerUser + ", "
                        + maxPerAddress + ", " + window + ", " + maxTracked);
            }
        }
    }

    private record Window(long start, int failures) {}

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Window> windows;
    private final Map<Kind, Counter> failures = new EnumMap<>(Kind.class);
    private final Map<Kind, Counter> blocked = new EnumMap<>(Kind.class);

    public FailedLogins(Limits limits, Clock clock, MeterRegistry registry) {
        this.limits = limits;
        this.clock = clock;
        this.windows = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > limits.maxTracked();
            }
        };
        for (Kind kind : Kind.values()) {
            failures.put(
                    kind,
                    Counter.builder("hotline.auth.failures")
                            .description("Failed authentications over HTTP (wrong key, password or tracking code)")
                            .tag("kind", kind.tag())
                            .register(registry));
            blocked.put(
                    kind,
                    Counter.builder("hotline.auth.blocked")
                            .description("Attempts refused with 429 after too many failed authentications")
                            .tag("kind", kind.tag())
                            .register(registry));
        }
    }

    /**
     * How long this user and this address must wait before trying again; empty when neither is blocked.
     *
     * @param user the client id, broker user or ticket number tried; null when the attempt names none (a bare key)
     */
    public Optional<Duration> blocked(Kind kind, String user, String address) {
        long now = clock.millis();
        Duration wait;
        synchronized (windows) {
            wait = longer(
                    waitFor(userKey(kind, user), limits.maxPerUser(), now),
                    waitFor(addressKey(address), limits.maxPerAddress(), now));
        }
        if (wait != null) {
            blocked.get(kind).increment();
        }
        return Optional.ofNullable(wait);
    }

    public void failed(Kind kind, String user, String address) {
        long now = clock.millis();
        synchronized (windows) {
            count(userKey(kind, user), now);
            count(addressKey(address), now);
        }
        failures.get(kind).increment();
    }

    /** How many users and addresses are tracked now (bounded by maxTracked). */
    public int tracked() {
        synchronized (windows) {
            return windows.size();
        }
    }

    private Duration waitFor(String key, int max, long now) {
        if (key == null) {
            return null;
        }
        Window window = windows.get(key);
        if (window == null) {
            return null;
        }
        long left = window.start() + limits.window().toMillis() - now;
        if (left <= 0) {
            windows.remove(key);
            return null;
        }
        return window.failures() < max ? null : Duration.ofMillis(left);
    }

    private void count(String key, long now) {
        if (key == null) {
            return;
        }
        Window window = windows.get(key);
        if (window == null || now - window.start() >= limits.window().toMillis()) {
            // A new window goes to the end of the map: the first one is the oldest, dropped first when full.
            windows.remove(key);
            windows.put(key, new Window(now, 1));
        } else {
            windows.put(key, new Window(window.start(), window.failures() + 1));
        }
    }

    private static Duration longer(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    /* Tracking codes are counted per ticket number, passwords and keys per user: a name can be both. */
    private static String userKey(Kind kind, String user) {
        if (user == null) {
            return null;
        }
        return (kind == Kind.TRACKING_CODE ? "ticket:" : "user:") + user;
    }

    private static String addressKey(String address) {
        return address == null ? null : "address:" + address;
    }
}
