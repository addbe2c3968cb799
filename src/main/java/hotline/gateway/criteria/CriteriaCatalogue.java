package hotline.gateway.criteria;

import hotline.gateway.validation.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The criteria as the API shows them: the programs and values in force on a day, today by default. */
public final class CriteriaCatalogue {

    public static final String DATE_RULE = "must be a date as YYYY-MM-DD, e.g. 2021-07-01";

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final Criteria criteria;
    private final Clock clock;
    private final ZoneId zone;

    public CriteriaCatalogue(Criteria criteria, Clock clock, ZoneId zone) {
        this.criteria = criteria;
        this.clock = clock;
        this.zone = zone;
    }

    /** @param date YYYY-MM-DD, or null for today in the city's time zone */
    public CriteriaInForce inForce(String date) {
        if (date == null) {
            return criteria.inForce(today());
        }
        LocalDate day = parse(date);
        if (day == null) {
            throw InvalidInputException.of("date", DATE_RULE);
        }
        return criteria.inForce(day);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The day, or null when the text is not a date as YYYY-MM-DD (a four-digit year, no sign). */
    public static LocalDate parse(String text) {
        if (!DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
