package hotline.gateway.jurisdiction;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code of an office that works on tickets: a town-level unit (its 9-digit statistical code), a district's
 * dispatch desk (the district's 6-digit code), the city desk ({@code city}) or the hotline ({@code hotline}).
 * Written as its plain code in JSON.
 */
public record OfficeCode(@JsonValue String value) {

    public enum Kind {
        TOWN,
        DISTRICT_DESK,
        CITY_DESK,
        HOTLINE
    }

    /** Every office code, in the form clients write it. */
    public static final Pattern PATTERN = Pattern.compile("[0-9]{9}|[0-9]{6}|city|hotline");

    public static final String DESCRIPTION = "a 9-digit town code, a 6-digit district code, city or hotline";
    public static final OfficeCode CITY = new OfficeCode("city");
    public static final OfficeCode HOTLINE = new OfficeCode("hotline");

    public OfficeCode {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("not an office code: must be " + DESCRIPTION);
        }
    }

    public static Optional<OfficeCode> parse(String text) {
        return text != null && PATTERN.matcher(text).matches() ? Optional.of(new OfficeCode(text)) : Optional.empty();
    }

    public Kind kind() {
        return switch (value.length()) {
            case 9 -> Kind.TOWN;
            case 6 -> Kind.DISTRICT_DESK;
            default -> value.equals(CITY.value) ? Kind.CITY_DESK : Kind.HOTLINE;
        };
    }

    /**
     * Does this office oversee that one? Every office its own; a district's desk its towns too; the city desk and
     * the hotline every office.
     */
    public boolean covers(OfficeCode other) {
        return switch (kind()) {
            case CITY_DESK, HOTLINE -> true;
            case DISTRICT_DESK -> other.value.startsWith(value);
            case TOWN -> other.equals(this);
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
