package hotline.gateway.sla;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The shipped config/sla.yml and config/calendar/, so the tests also check the files a city starts from. */
final class SlaFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final SlaPolicy POLICY = SlaPolicyFile.load(Path.of("config/sla.yml"));
    static final WorkingCalendar CALENDAR = CalendarFiles.load(POLICY.workingHours(), Path.of("config/calendar"));
    static final WorkingTime TIME = new WorkingTime(CALENDAR);

    private SlaFixtures() {}

    /** Shanghai local time, e.g. at("2026-02-12T10:00"). */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }
}
