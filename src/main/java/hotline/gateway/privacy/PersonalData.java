package hotline.gateway.privacy;

/**
 * Masks personal data: names, phone numbers and resident ID numbers. {@link #maskText} is the safety net applied to
 * every log line and to free text shown outside the office holding a ticket; it finds phone and ID numbers in free
 * text with {@link PersonalNumbers}, the recogniser intake validates with (names cannot be found that way, so code
 * never logs names or free text, only masked values).
 */
public final class PersonalData {

    private PersonalData() {}

    /** 韩桂芳 → 韩**, Ann Lee → A*******. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.codePointAt(0);
        return new String(Character.toChars(first))
                + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }

    /** 13201501449 → 132****1449, +86 136 0000 1238 → +86 136 **** 1238; anything else keeps its ends only. */
    public static String maskPhone(String phone) {
        return PersonalNumbers.isPhoneNumber(phone) ? PersonalNumbers.mask(phone) : keepEnds(phone);
    }

    /** 310107196803119049 → 310***********9049: area prefix and last digits only, never the birth date. */
    public static String maskIdNumber(String id) {
        return keepEnds(id);
    }

    /** The first 3 and last 4 characters, the rest starred; under 8 characters all starred. */
    private static String keepEnds(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() < 8) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }

    /** Masks every phone or resident ID number found in a text (the same instance when there is none). */
    public static String maskText(String text) {
        return PersonalNumbers.mask(text);
    }
}
