package hotline.gateway.validation;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads typed fields from a JSON object and collects every problem under the field's path, so that a client gets
 * all its mistakes in one answer. Absent and null fields are the same; a child object shares the error list. Text
 * must be storable Unicode (no NUL character, no unpaired surrogate), numbers finite, and the times of events
 * plausible (from the year 2000 up to a day after the gateway's clock).
 */
public final class JsonFields {

    /** The earliest year of a request's or an event's time: nothing the gateway stores happened before it. */
    public static final int EARLIEST_YEAR = 2000;

    /** How far a request's or an event's time may be ahead of the gateway's clock: clocks drift, but not by days. */
    public static final Duration LATEST_AHEAD = Duration.ofDays(1);

    /** Decimals kept of a number; more (0.1 + 0.2 from a client's arithmetic) are rounded. */
    static final int MAX_SCALE = 10;

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonFields(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    /**
     * How request JSON is read: as the mapper reads, except that NaN and Infinity are taken as numbers, so that the
     * field that holds one is named in the answer (as "must be a finite number"), not the body as a whole.
     */
    public static ObjectReader requestReader(ObjectMapper mapper) {
        return mapper.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    }

    /** The top-level object of a request; anything else is one error on the body. */
    public static JsonFields root(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw InvalidInputException.of("(body)", "must be a JSON object");
        }
        return new JsonFields(node, "", new ArrayList<>());
    }

    public String path(String name) {
        return prefix + name;
    }

    public void reject(String name, String message) {
        errors.add(new FieldError(path(name), message));
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public String requiredText(String name, int maxLength) {
        String value = optionalText(name, maxLength);
        if (value == null && isAbsent(name)) {
            reject(name, "is required");
        }
        return value;
    }

    /** A string of at most maxLength characters; a blank string counts as absent. */
    public String optionalText(String name, int maxLength) {
        JsonNode value = node.get(name);
        if (isNull(value)) {
            return null;
        }
        if (!value.isTextual()) {
            reject(name, "must be a string");
            return null;
        }
        String text = value.textValue();
        String unstorable = unstorable(text);
        if (unstorable != null) {
            reject(name, unstorable);
            return null;
        }
        if (text.isBlank()) {
            reject(name, "must not be blank");
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            reject(name, "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    public Boolean optionalBoolean(String name) {
        JsonNode value = node.get(name);
        if (isNull(value)) {
            return null;
        }
        if (!value.isBoolean()) {
            reject(name, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    public Integer optionalInteger(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (isNull(value)) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            reject(name, "must be a whole number");
            return null;
        }
        int number = value.intValue();
        if (number < min || number > max) {
            reject(name, "must be between " + min + " and " + max);
            return null;
        }
        return number;
    }

    public Double optionalNumber(String name, double min, double max) {
        BigDecimal number = optionalDecimal(name, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
        return number == null ? null : number.doubleValue();
    }

    public BigDecimal optionalDecimal(String name, BigDecimal min, BigDecimal max) {
        JsonNode value = node.get(name);
        if (isNull(value)) {
            return null;
        }
        if (!value.isNumber()) {
            reject(name, "must be a number");
            return null;
        }
        if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
            // 1e400 overflows a double to infinity; NaN and Infinity are refused here too.
            reject(name, "must be a finite number");
            return null;
        }
        BigDecimal number = value.decimalValue();
        if (number.scale() > MAX_SCALE) {
            number = number.setScale(MAX_SCALE, RoundingMode.HALF_EVEN);
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            reject(name, "must be between " + min.toPlainString() + " and " + max.toPlainString());
            return null;
        }
        return number;
    }

    /** An ISO-8601 date-time with its offset, e.g. 2026-11-28T09:15:00+08:00. */
    public OffsetDateTime requiredOffsetDateTime(String name) {
        String text = requiredText(name, 64);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            reject(name, "must be an ISO-8601 date-time with offset, e.g. 2026-11-28T09:15:00+08:00");
            return null;
        }
    }

    /** As {@link #requiredOffsetDateTime}, but absent is allowed (null). */
    public OffsetDateTime optionalOffsetDateTime(String name) {
        return isAbsent(name) ? null : requiredOffsetDateTime(name);
    }

    /**
     * The time something happened (a call received, an event occurred): an ISO-8601 date-time with its offset, in
     * the year {@value #EARLIEST_YEAR} or later and at most a day ahead of {@code now} (the gateway's clock).
     */
    public OffsetDateTime requiredEventTime(String name, Instant now) {
        OffsetDateTime time = requiredOffsetDateTime(name);
        if (time == null) {
            return null;
        }
        if (time.getYear() < EARLIEST_YEAR) {
            reject(name, "must be in the year " + EARLIEST_YEAR + " or later");
            return null;
        }
        if (time.getYear() > 9999) {
            reject(name, "must be before the year 10000");
            return null;
        }
        if (time.toInstant().isAfter(now.plus(LATEST_AHEAD))) {
            reject(name, "must not be more than a day ahead of the gateway's clock");
            return null;
        }
        return time;
    }

    /** As {@link #requiredEventTime}, but absent is allowed (null). */
    public OffsetDateTime optionalEventTime(String name, Instant now) {
        return isAbsent(name) ? null : requiredEventTime(name, now);
    }

    /** Whether the field is there at all (valid or not). */
    public boolean present(String name) {
        return !isAbsent(name);
    }

    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        if (isAbsent(name)) {
            reject(name, "is required");
            return null;
        }
        return optionalEnum(name, type, null);
    }

    /** A member of a fixed set of names, matched without regard to case. */
    public <E extends Enum<E>> E optionalEnum(String name, Class<E> type, E defaultValue) {
        String text = optionalText(name, 32);
        if (text == null) {
            return isAbsent(name) ? defaultValue : null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name());
        }
        reject(name, "must be one of " + String.join(", ", allowed));
        return null;
    }

    /** A nested object read by the given function, or null when absent. */
    public <T> T optionalObject(String name, Function<JsonFields, T> reader) {
        JsonNode value = node.get(name);
        if (isNull(value)) {
            return null;
        }
        if (!value.isObject()) {
            reject(name, "must be an object");
            return null;
        }
        return reader.apply(new JsonFields(value, path(name) + ".", errors));
    }

    /** An array of objects, each read by the given function; null when absent. */
    public <T> List<T> optionalObjectArray(String name, int maxItems, Function<JsonFields, T> reader) {
        JsonNode value = node.get(name);
        if (isNull(value)) {
            return null;
        }
        if (!value.isArray()) {
            reject(name, "must be an array");
            return null;
        }
        if (value.size() > maxItems) {
            reject(name, "must have at most " + maxItems + " items");
            return null;
        }
        List<T> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = path(name) + "[" + i + "]";
            if (!item.isObject()) {
                errors.add(new FieldError(itemPath, "must be an object"));
                continue;
            }
            items.add(reader.apply(new JsonFields(item, itemPath + ".", errors)));
        }
        return items;
    }

    /**
     * Why PostgreSQL could not store the text as sent, or null: a NUL character (it refuses them), or an unpaired
     * surrogate (the JSON escape of U+D800 without its partner: not Unicode, it would be stored as '?').
     */
    static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "must not contain a NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text: it has an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ")";
            }
        }
        return null;
    }

    private boolean isAbsent(String name) {
        return isNull(node.get(name));
    }

    private static boolean isNull(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }
}
