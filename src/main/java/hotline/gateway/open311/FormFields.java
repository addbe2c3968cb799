package hotline.gateway.open311;

import hotline.gateway.validation.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code application/x-www-form-urlencoded} text (a POST body, a query string) strictly: {@code +} is a space,
 * {@code %XX} a byte, and the bytes must be UTF-8 (GeoReport v2: UTF-8 everywhere). A malformed escape, bytes that are
 * not UTF-8, a NUL or too many fields is 400 naming the part, never guessed at. A name given twice keeps every value.
 */
public final class FormFields {

    static final int MAX_FIELDS = 200;

    private FormFields() {}

    /**
     * @param part what to name in a refusal: {@code (body)} or {@code (query)}
     * @return the fields in the order sent; empty for null or empty text
     */
    public static Map<String, List<String>> parse(String text, String part) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return fields;
        }
        int count = 0;
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_FIELDS) {
                throw InvalidInputException.of(part, "has more than " + MAX_FIELDS + " fields");
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), part);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), part);
            fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    /** A body's bytes: they must be ASCII (everything else is percent-encoded in a form). */
    public static Map<String, List<String>> parse(byte[] body, String part) {
        if (body == null) {
            return new LinkedHashMap<>();
        }
        for (byte b : body) {
            if (b < 0 || (b < 0x20 && b != '\r' && b != '\n' && b != '\t')) {
                throw InvalidInputException.of(
                        part, "is not a form: bytes outside ASCII must be percent-encoded (UTF-8)");
            }
        }
        return parse(new String(body, StandardCharsets.US_ASCII).strip(), part);
    }

    private static String decode(String encoded, String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw malformed(part);
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw malformed(part);
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7e) {
                throw InvalidInputException.of(part, "has a character that is not percent-encoded");
            } else {
                bytes.write(c);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw InvalidInputException.of(part, "is not valid UTF-8 after percent-decoding");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw InvalidInputException.of(part, "contains a NUL character");
        }
        return text;
    }

    private static InvalidInputException malformed(String part) {
        return InvalidInputException.of(part, "has a malformed percent escape (%XX with two hex digits)");
    }
}
