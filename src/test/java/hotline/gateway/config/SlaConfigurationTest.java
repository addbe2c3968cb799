package hotline.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import hotline.gateway.sla.SlaPolicy;
import hotline.gateway.sla.WorkingCalendar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The beans built by hand from the shipped config/ files, without a Spring context. */
class SlaConfigurationTest {

    private final SlaConfiguration configuration = new SlaConfiguration();
    private final SlaConfiguration.SlaProperties properties = new SlaConfiguration.SlaProperties(
            Path.of("config/sla.yml"), Path.of("config/calendar"), java.time.Duration.ofSeconds(10), 500);
    private final Logger logger = (Logger) LoggerFactory.getLogger(SlaConfiguration.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void warnsAtStartForTheNextYearWithoutHolidayData() {
        SlaPolicy policy = configuration.slaPolicy(properties);
        // 2026-12-31 23:30 in Shanghai is still 2026 there: 2026 has data, 2027 has none.
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T15:30:00Z"), ZoneOffset.UTC);
        WorkingCalendar calendar = configuration.workingCalendar(properties, policy, clock);
        assertThat(calendar.covers(Year.of(2026))).isTrue();
        assertThat(logged.list).hasSize(1);
        assertThat(logged.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(logged.list.get(0).getFormattedMessage())
                .startsWith("No holiday calendar for 2027 in config/calendar");
    }

    @Test
    void warnsForBothYearsOnceTheCalendarHasRunOut() {
        SlaPolicy policy = configuration.slaPolicy(properties);
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T16:30:00Z"), ZoneOffset.UTC);
        configuration.workingCalendar(properties, policy, clock);
        assertThat(logged.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).startsWith("No holiday calendar for 2027"))
                .anySatisfy(m -> assertThat(m).startsWith("No holiday calendar for 2028"))
                .hasSize(2);
    }
}
