package hotline.gateway.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body checked against its schema: the body (nulls dropped, enum values in their own case, values refused
 * for being unstorable dropped) and every bad field, one message each. A parser adds the checks a schema cannot
 * make (the gateway's clock, one field against another) and then throws if anything is wrong.
 */
public final class CheckedBody {

    /** How far a request's or an event's time may be ahead of the gateway's clock: clocks drift, but not by days. */
    public static final Duration LATEST_AHEAD = Duration.ofDays(1);

    private final ObjectNode body;
    private final List<FieldError> errors;

    CheckedBody(ObjectNode body, List<FieldError> errors) {
        this.body = body;
        this.errors = new ArrayList<>(errors);
    }

    public ObjectNode body() {
        return body;
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public boolean hasError(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    /** Another bad field, unless that field is named already. */
    public void reject(String field, String message) {
        if (!hasError(field)) {
            errors.add(new FieldError(field, message));
        }
    }

    /**
     * Takes the problems of an optional part (e.g. {@code location}) out of the refusal: the bad fields are removed
     * from the body and returned, so that the rest of the request can be taken without them.
     */
    public List<FieldError> setAside(String part) {
        List<FieldError> aside = new ArrayList<>();
        for (FieldError error : List.copyOf(errors)) {
            if (error.field().equals(part) || error.field().startsWith(part + ".")) {
                aside.add(error);
                errors.remove(error);
                remove(error.field());
            }
        }
        return aside;
    }

    /** A top-level time that the schema found well formed must also not be more than a day ahead of {@code now}. */
    public void notAhead(String field, Instant now) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || hasError(field)) {
            return;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (time.toInstant().isAfter(now.plus(LATEST_AHEAD))) {
                reject(field, "must not be more than a day ahead of the gateway's clock");
            }
        } catch (DateTimeParseException e) {
            reject(field, "must be an ISO-8601 date-time with offset, e.g. 2026-11-28T09:15:00+08:00");
        }
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Removes the value at a dotted path (object members only; an indexed element is left as it is). */
    private void remove(String field) {
        String[] names = field.split("\\.");
        JsonNode node = body;
        for (int i = 0; i < names.length - 1 && node != null; i++) {
            node = node.get(names[i]);
        }
        if (node instanceof ObjectNode parent) {
            parent.remove(names[names.length - 1]);
        }
    }
}
