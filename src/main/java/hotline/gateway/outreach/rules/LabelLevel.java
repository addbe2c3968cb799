package hotline.gateway.outreach.rules;

import java.util.Locale;

/**
 * The level that defines a label, and the area code its definition applies to: the city (no code), a district
 * (6 digits), a sub-district or town (9 digits) or a community (12 digits). A narrower level's definition of a code
 * replaces a wider one's inside its area.
 */
public enum LabelLevel {
    CITY(0, null),
    DISTRICT(6, "district_code"),
    SUBDISTRICT(9, "town_code"),
    COMMUNITY(12, "community_code");

    private final int codeLength;
    private final String column;

    LabelLevel(int codeLength, String column) {
        this.codeLength = codeLength;
        this.column = column;
    }

    public static LabelLevel of(String text) {
        String normal = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (normal) {
            case "CITY" -> CITY;
            case "DISTRICT" -> DISTRICT;
            case "SUBDISTRICT", "SUB_DISTRICT", "TOWN" -> SUBDISTRICT;
            case "COMMUNITY" -> COMMUNITY;
            default ->
                throw new IllegalArgumentException(
                        "level must be city, district, sub-district or community, not " + text);
        };
    }

    public int codeLength() {
        return codeLength;
    }

    /** The household column holding this level's area code; null for the city. */
    public String column() {
        return column;
    }

    /** Does the area code fit this level (none for the city, its digits otherwise)? */
    public boolean fits(String areaCode) {
        if (this == CITY) {
            return areaCode == null;
        }
        return areaCode != null
                && areaCode.length() == codeLength
                && areaCode.chars().allMatch(Character::isDigit);
    }
}
