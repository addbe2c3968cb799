package hotline.gateway.open311;

import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The arguments of GET requests (GeoReport v2): {@code service_request_id} (comma-delimited; overrides the rest),
 * {@code service_code} and {@code status} (comma-delimited), {@code start_date} and {@code end_date} (w3 date-times
 * with offset) on the requested date-time, over at most 90 days: by default the last 90 days. At most
 * {@link #LIMIT} requests, newest first.
 */
record RequestQuery(List<String> ids, List<String> serviceCodes, Set<String> statuses, Instant start, Instant end) {

    static final int LIMIT = 1000;
    static final int MAX_IDS = 100;
    static final Duration MAX_SPAN = Duration.ofDays(90);
    private static final Pattern TICKET_NO = Pattern.compile("[0-9A-Za-z-]{1,32}");

    static RequestQuery parse(Map<String, List<String>> fields, ServiceCatalogue catalogue, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        List<String> ids = list(fields, "service_request_id");
        for (String id : ids) {
            if (!TICKET_NO.matcher(id).matches()) {
                errors.add(new FieldError("service_request_id", "has an id that is not a ticket number: " + safe(id)));
            }
        }
        if (ids.size() > MAX_IDS) {
            errors.add(new FieldError("service_request_id", "may name at most " + MAX_IDS + " requests"));
        }
        List<String> codes = list(fields, "service_code");
        for (String code : codes) {
            if (!catalogue.contains(code)) {
                errors.add(new FieldError("service_code", safe(code) + " is not a service; GET services lists them"));
            }
        }
        Set<String> statuses = new LinkedHashSet<>();
        for (String status : list(fields, "status")) {
            if (status.equals("open") || status.equals("closed")) {
                statuses.add(status);
            } else {
                errors.add(new FieldError("status", "must be open or closed (comma-delimited for both)"));
            }
        }
        Instant start = dateTime(fields, "start_date", errors);
        Instant end = dateTime(fields, "end_date", errors);
        if (errors.isEmpty()) {
            if (start == null && end == null) {
                end = now;
                start = now.minus(MAX_SPAN);
            } else if (start == null) {
                start = end.minus(MAX_SPAN);
            } else if (end == null) {
                end = start.plus(MAX_SPAN);
            }
            if (start.isAfter(end)) {
                errors.add(new FieldError("start_date", "must not be after end_date"));
            } else if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
                errors.add(new FieldError("end_date", "must be at most 90 days after start_date"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new RequestQuery(List.copyOf(ids), List.copyOf(codes), Set.copyOf(statuses), start, end);
    }

    private static List<String> list(Map<String, List<String>> fields, String name) {
        List<String> values = new ArrayList<>();
        for (String value : fields.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }

    private static Instant dateTime(Map<String, List<String>> fields, String name, List<FieldError> errors) {
        List<String> values = fields.getOrDefault(name, List.of()).stream()
                .filter(v -> !v.isBlank())
                .toList();
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new FieldError(name, "is given more than once"));
            return null;
        }
        try {
            OffsetDateTime value = OffsetDateTime.parse(values.get(0).strip());
            if (value.getYear() < 2000 || value.getYear() > 9999) {
                errors.add(new FieldError(name, "must be in the years 2000 to 9999"));
                return null;
            }
            return value.toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a w3 date-time with offset, e.g. 2026-11-01T00:00:00Z"));
            return null;
        }
    }

    /** An id or code as sent, cut short, for the error (never personal data: ids and codes only). */
    private static String safe(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
