package hotline.gateway.validation;

import hotline.gateway.privacy.PersonalNumbers;
import hotline.gateway.privacy.ResidentIdNumber;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The formats the request schemas name beyond JSON Schema's own ({@code "format": "resident-id"}, ...): each checks
 * a text and says what is wrong with it in words a person understands, or null when it is right.
 */
public enum RequestFormat {
    /** An ISO-8601 date-time with its offset, from the year {@value #EARLIEST_YEAR} to 9999. */
    EVENT_TIME("event-time") {
        @Override
        public String problem(String text) {
            OffsetDateTime time;
            try {
                time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                return "must be an ISO-8601 date-time with offset, e.g. 2026-11-28T09:15:00+08:00";
            }
            if (time.getYear() < EARLIEST_YEAR) {
                return "must be in the year " + EARLIEST_YEAR + " or later";
            }
            if (time.getYear() > 9999) {
                return "must be before the year 10000";
            }
            return null;
        }
    },
    /** A phone number as the masks recognise it: whatever is accepted here is found and masked in any text. */
    PHONE("phone") {
        @Override
        public String problem(String text) {
            return PersonalNumbers.isPhoneNumber(text)
                    ? null
                    : "must be a mobile number or a landline with its area code (13600001234, 021-6458 1234),"
                            + " optionally after +86 or 0086, or + and another country's number; single spaces or"
                            + " hyphens may separate the groups";
        }
    },
    /** A resident ID number with its GB 11643 check digit. */
    RESIDENT_ID("resident-id") {
        @Override
        public String problem(String text) {
            String problem = ResidentIdNumber.problem(text);
            return problem == null ? null : "is not a valid resident ID number: " + problem;
        }
    },
    /** A day as YYYY-MM-DD. */
    CALENDAR_DATE("calendar-date") {
        @Override
        public String problem(String text) {
            if (!DATE.matcher(text).matches()) {
                return DATE_RULE;
            }
            try {
                LocalDate.parse(text);
                return null;
            } catch (DateTimeParseException e) {
                return DATE_RULE;
            }
        }
    };

    /** The earliest year of a request's or an event's time: nothing the gateway stores happened before it. */
    public static final int EARLIEST_YEAR = 2000;

    static final String DATE_RULE = "must be a date as YYYY-MM-DD, e.g. 2021-07-01";
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final String schemaName;

    RequestFormat(String schemaName) {
        this.schemaName = schemaName;
    }

    /** The name in a schema's {@code format}. */
    public String schemaName() {
        return schemaName;
    }

    /** What is wrong with the text, or null when it has this format. */
    public abstract String problem(String text);

    public static Optional<RequestFormat> named(String schemaName) {
        return Arrays.stream(values())
                .filter(format -> format.schemaName.equals(schemaName))
                .findFirst();
    }
}
