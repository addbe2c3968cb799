package hotline.gateway.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The gateway's clock in the integration tests: the system time unless a test sets it. A test that sets it puts it
 * back (follow the system again) when it ends, so that the other tests of the shared context see real time.
 */
public final class TestClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant instant) {
        fixed = instant;
    }

    public void advance(Duration duration) {
        Instant current = fixed;
        if (current == null) {
            throw new IllegalStateException("set the clock before advancing it");
        }
        fixed = current.plus(duration);
    }

    public void followSystem() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant current = fixed;
        return current != null ? current : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
