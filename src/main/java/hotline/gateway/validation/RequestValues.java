package hotline.gateway.validation;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Reads the values of a body its {@link RequestSchema} has accepted: absent is null, and every value present has the
 * type and the form the schema demands, so nothing here refuses anything.
 */
public final class RequestValues {

    /** Decimals kept of a number; more (0.1 + 0.2 from a client's arithmetic) are rounded. */
    public static final int MAX_SCALE = 10;

    private RequestValues() {}

    /**
     * How request JSON is read: as the mapper reads, except that NaN and Infinity are taken as numbers, so that the
     * field that holds one is named in the answer (as "must be a finite number"), not the body as a whole.
     */
    public static ObjectReader requestReader(ObjectMapper mapper) {
        return mapper.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    }

    public static JsonNode object(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value != null && value.isObject() ? value : null;
    }

    public static String text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    public static Boolean bool(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value != null && value.isBoolean() ? value.booleanValue() : null;
    }

    public static Integer integer(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value != null && value.isNumber() ? value.intValue() : null;
    }

    public static BigDecimal decimal(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || !value.isNumber()) {
            return null;
        }
        BigDecimal number = value.decimalValue();
        return number.scale() > MAX_SCALE ? number.setScale(MAX_SCALE, RoundingMode.HALF_EVEN) : number;
    }

    public static Double number(JsonNode node, String name) {
        BigDecimal number = decimal(node, name);
        return number == null ? null : number.doubleValue();
    }

    public static OffsetDateTime time(JsonNode node, String name) {
        String text = text(node, name);
        return text == null ? null : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The member of the enum the schema allowed (its case already made the enum's own). */
    public static <E extends Enum<E>> E enumValue(JsonNode node, String name, Class<E> type) {
        String text = text(node, name);
        return text == null ? null : Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    }
}
