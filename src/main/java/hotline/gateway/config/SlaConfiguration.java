package hotline.gateway.config;

import hotline.gateway.sla.CalendarFiles;
import hotline.gateway.sla.Deadlines;
import hotline.gateway.sla.Extensions;
import hotline.gateway.sla.SlaMeter;
import hotline.gateway.sla.SlaPolicy;
import hotline.gateway.sla.SlaPolicyFile;
import hotline.gateway.sla.WorkingCalendar;
import hotline.gateway.sla.WorkingTime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the SLA policy and the working calendar from config/ once at start; a broken file stops the start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaConfiguration.SlaProperties.class)
public class SlaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SlaConfiguration.class);

    /**
     * Where the SLA policy and the holiday calendars are; how often the sweep looks for warnings and breaches due
     * (read by the sla-sweep route) and how many assignments it takes at a time.
     */
    @ConfigurationProperties("hotline.sla")
    public record SlaProperties(
            @DefaultValue("config/sla.yml") Path policy,
            @DefaultValue("config/calendar") Path calendarDir,
            @DefaultValue("10s") Duration sweepPeriod,
            @DefaultValue("500") int sweepBatchSize) {}

    @Bean
    SlaPolicy slaPolicy(SlaProperties properties) {
        return SlaPolicyFile.load(properties.policy());
    }

    /**
     * Without holiday data a year counts weekends only: deadlines over its holidays would come too early, so say so
     * loudly at every start until the city adds the year's file.
     */
    @Bean
    WorkingCalendar workingCalendar(SlaProperties properties, SlaPolicy policy, Clock clock) {
        WorkingCalendar calendar = CalendarFiles.load(policy.workingHours(), properties.calendarDir());
        for (Year year : calendar.uncoveredYears(
                LocalDate.now(clock.withZone(policy.workingHours().zone())))) {
            log.warn(
                    "No holiday calendar for {} in {}: SLA deadlines in {} count weekends only, not public holidays "
                            + "or make-up workdays. Add a file named for the year (e.g. cn-{}.csv).",
                    year,
                    properties.calendarDir(),
                    year,
                    year);
        }
        return calendar;
    }

    @Bean
    WorkingTime workingTime(WorkingCalendar calendar) {
        return new WorkingTime(calendar);
    }

    @Bean
    Deadlines deadlines(WorkingTime time, SlaPolicy policy) {
        return new Deadlines(time, policy.warnAt());
    }

    @Bean
    SlaMeter slaMeter(WorkingTime time) {
        return new SlaMeter(time);
    }

    @Bean
    Extensions extensions(WorkingTime time, SlaPolicy policy) {
        return new Extensions(time, policy);
    }
}
