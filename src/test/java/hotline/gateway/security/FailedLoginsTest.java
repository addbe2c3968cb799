package hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.security.FailedLogins.Kind;
import hotline.gateway.support.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailedLoginsTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final TestClock clock = new TestClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private FailedLogins failedLogins;

    @BeforeEach
    void start() {
        clock.set(Instant.parse("2026-11-30T01:00:00Z"));
        failedLogins = new FailedLogins(new FailedLogins.Limits(3, 5, WINDOW, 100), clock, registry);
    }

    private void fail(int times, Kind kind, String user, String address) {
        for (int i = 0; i < times; i++) {
            failedLogins.failed(kind, user, address);
        }
    }

    @Test
    void aUserIsBlockedAfterItsFailuresUntilTheWindowThatBeganWithTheFirstHasPassed() {
        fail(2, Kind.API_KEY, "centre-a", "10.0.0.1");
        assertThat(failedLogins.blocked(Kind.API_KEY, "centre-a", "10.0.0.9")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        fail(1, Kind.API_KEY, "centre-a", "10.0.0.2");
        // From any address, and whatever the password: the right one would wait too.
        assertThat(failedLogins.blocked(Kind.API_KEY, "centre-a", "10.0.0.9")).contains(Duration.ofMinutes(4));
        assertThat(failedLogins.blocked(Kind.API_KEY, "centre-b", "10.0.0.9")).isEmpty();

        clock.advance(Duration.ofMinutes(4).minusSeconds(1));
        assertThat(failedLogins.blocked(Kind.API_KEY, "centre-a", "10.0.0.9")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(failedLogins.blocked(Kind.API_KEY, "centre-a", "10.0.0.9")).isEmpty();

        // A new window starts with the next failure.
        fail(2, Kind.API_KEY, "centre-a", "10.0.0.1");
        assertThat(failedLogins.blocked(Kind.API_KEY, "centre-a", "10.0.0.9")).isEmpty();
    }

    @Test
    void anAddressIsBlockedAfterItsFailuresWhateverTheUsers() {
        fail(1, Kind.API_KEY, null, "10.0.0.7");
        fail(1, Kind.OFFICE_PASSWORD, "office-1", "10.0.0.7");
        fail(1, Kind.OFFICE_PASSWORD, "office-2", "10.0.0.7");
        fail(1, Kind.TRACKING_CODE, "20261130-0000001", "10.0.0.7");
        assertThat(failedLogins.blocked(Kind.API_KEY, null, "10.0.0.7")).isEmpty();
        fail(1, Kind.API_KEY, "hotline-x", "10.0.0.7");

        assertThat(failedLogins.blocked(Kind.API_KEY, "someone-else", "10.0.0.7"))
                .contains(WINDOW);
        assertThat(failedLogins.blocked(Kind.API_KEY, "someone-else", "10.0.0.8"))
                .isEmpty();
    }

    @Test
    void trackingCodesCountPerTicketNumberApartFromUsersOfTheSameName() {
        fail(3, Kind.TRACKING_CODE, "20261130-0000001", "10.0.0.1");
        assertThat(failedLogins.blocked(Kind.TRACKING_CODE, "20261130-0000001", "10.0.0.2"))
                .isPresent();
        assertThat(failedLogins.blocked(Kind.API_KEY, "20261130-0000001", "10.0.0.2"))
                .isEmpty();
    }

    @Test
    void failuresAndRefusalsAreCountedPerKind() {
        fail(3, Kind.OFFICE_PASSWORD, "office-1", "10.0.0.1");
        failedLogins.blocked(Kind.OFFICE_PASSWORD, "office-1", "10.0.0.1");
        failedLogins.blocked(Kind.OFFICE_PASSWORD, "office-1", "10.0.0.1");

        assertThat(registry.get("hotline.auth.failures")
                        .tag("kind", "office_password")
                        .counter()
                        .count())
                .isEqualTo(3.0);
        assertThat(registry.get("hotline.auth.failures")
                        .tag("kind", "api_key")
                        .counter()
                        .count())
                .isZero();
        assertThat(registry.get("hotline.auth.blocked")
                        .tag("kind", "office_password")
                        .counter()
                        .count())
                .isEqualTo(2.0);
    }

    @Test
    void atMostMaxTrackedUsersAndAddressesAreRememberedTheOldestForgottenFirst() {
        for (int i = 0; i < 500; i++) {
            clock.advance(Duration.ofMillis(1));
            failedLogins.failed(Kind.API_KEY, "guess-" + i, "10.1." + (i / 250) + "." + (i % 250));
        }
        assertThat(failedLogins.tracked()).isEqualTo(100);
        fail(3, Kind.API_KEY, "centre-a", "10.0.0.1");
        assertThat(failedLogins.blocked(Kind.API_KEY, "centre-a", "10.0.0.2")).isPresent();
        assertThat(failedLogins.tracked()).isEqualTo(100);
    }
}
