package hotline.gateway.reporting;

import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.validation.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a report's query parameters (as the HTTP layer hands them over: one map of names to values) and collects
 * every bad one, so that a client gets all its mistakes in one 400 answer. A blank parameter counts as absent.
 */
public final class ReportParameters {

    /** A report covers at most a year: the cost of its query grows with the period. */
    static final int MAX_DAYS = 366;

    static final int MAX_PAGE_SIZE = 200;
    static final int DEFAULT_PAGE_SIZE = 50;

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final Clock clock;
    private final ZoneId zone;
    private final DistrictNames districts;

    public ReportParameters(Clock clock, ZoneId zone, DistrictNames districts) {
        this.clock = clock;
        this.zone = zone;
        this.districts = districts;
    }

    /**
     * Defaults: to = today, from = the first day of to's month, grouped by town, as JSON unless CSV is asked for, a CSV
     * header of the JSON field names unless {@code lang} asks for zh or en labels.
     *
     * @param scope the only district the asker may see (a district manager's); null for the whole city
     */
    public SlaReportRequest sla(Map<String, Object> parameters, String scope) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = date(parameters, "from", errors);
        LocalDate to = date(parameters, "to", errors);
        if (to == null && !has(parameters, "to")) {
            to = LocalDate.now(clock.withZone(zone));
        }
        if (from == null && !has(parameters, "from") && to != null) {
            from = to.withDayOfMonth(1);
        }
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                errors.add(new FieldError("from", "must not be after to (" + to + ")"));
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                errors.add(new FieldError("to", "must be at most " + MAX_DAYS + " days after from"));
            }
        }
        GroupBy groupBy = choice(parameters, "groupBy", GroupBy.class, GroupBy.TOWN, errors);
        String district = district(parameters, scope, errors);
        ReportFormat format = choice(parameters, "format", ReportFormat.class, null, errors);
        if (format == null && !has(parameters, "format")) {
            format = acceptsCsv(parameters) ? ReportFormat.CSV : ReportFormat.JSON;
        }
        ReportLanguage language = choice(parameters, "lang", ReportLanguage.class, ReportLanguage.KEYS, errors);
        throwIfAny(errors);
        return new SlaReportRequest(new ReportPeriod(from, to, zone), groupBy, district, format, language);
    }

    /** @param scope as for {@link #sla} */
    public OverdueRequest overdue(Map<String, Object> parameters, String scope) {
        List<FieldError> errors = new ArrayList<>();
        String district = district(parameters, scope, errors);
        Integer page = number(parameters, "page", 1, 1_000_000, 1, errors);
        Integer size = number(parameters, "size", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, errors);
        throwIfAny(errors);
        return new OverdueRequest(district, page, size);
    }

    /** The district asked for; the asker's own when it may see one district only (another is 403). */
    private String district(Map<String, Object> parameters, String scope, List<FieldError> errors) {
        String code = text(parameters, "district", errors);
        if (scope != null && code != null && !code.equals(scope)) {
            throw new HttpProblemException(
                    403,
                    "Forbidden",
                    "district",
                    "is " + code + ", but these credentials see district " + scope + " only");
        }
        if (code != null && !districts.contains(code)) {
            errors.add(new FieldError("district", "must be the 6-digit code of a district, e.g. 310104"));
            return null;
        }
        return code == null ? scope : code;
    }

    private static LocalDate date(Map<String, Object> parameters, String name, List<FieldError> errors) {
        String text = text(parameters, name, errors);
        if (text == null) {
            return null;
        }
        try {
            // Four-digit years only (LocalDate also reads +294277-01-01, a day PostgreSQL cannot store).
            if (!DATE.matcher(text).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date YYYY-MM-DD, e.g. 2026-11-01"));
            return null;
        }
    }

    private static Integer number(
            Map<String, Object> parameters, String name, int min, int max, int defaultValue, List<FieldError> errors) {
        String text = text(parameters, name, errors);
        if (text == null) {
            return has(parameters, name) ? null : defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, as for a number out of range
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return null;
    }

    private static <E extends Enum<E>> E choice(
            Map<String, Object> parameters, String name, Class<E> type, E defaultValue, List<FieldError> errors) {
        String text = text(parameters, name, errors);
        if (text == null) {
            return has(parameters, name) ? null : defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        errors.add(new FieldError(
                name,
                "must be one of "
                        + String.join(
                                ", ",
                                Arrays.stream(type.getEnumConstants())
                                        .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                                        .toList())));
        return null;
    }

    /** The parameter's value; null when absent or blank, or (with an error) when given more than once. */
    private static String text(Map<String, Object> parameters, String name, List<FieldError> errors) {
        Object value = parameters.get(name);
        if (value instanceof List<?> values) {
            if (values.size() != 1) {
                errors.add(new FieldError(name, "must be given once"));
                return null;
            }
            value = values.get(0);
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return value.toString().trim();
    }

    /** Given and valid-looking or not: tells a bad value (already reported) from an absent one (defaulted). */
    private static boolean has(Map<String, Object> parameters, String name) {
        Object value = parameters.get(name);
        return value instanceof List<?> || (value != null && !value.toString().isBlank());
    }

    private static boolean acceptsCsv(Map<String, Object> parameters) {
        Object accept = parameters.get("Accept");
        return accept != null && accept.toString().toLowerCase(Locale.ROOT).contains("text/csv");
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
