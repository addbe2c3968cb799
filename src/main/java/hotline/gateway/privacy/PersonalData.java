package hotline.gateway.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data for logs: names, phone numbers and resident ID numbers. {@link #maskText} is the safety net
 * applied to every log line; it finds phone and ID numbers in free text (names cannot be found that way, so code
 * never logs names or free text, only masked values).
 */
public final class PersonalData {

    // An 18-character resident ID number, a mainland mobile number, or a landline with area code.
    private static final Pattern SENSITIVE_NUMBER =
            Pattern.compile("(?<![0-9A-Za-z])(?:\\d{17}[\\dXx]|1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})(?![0-9A-Za-z])");

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

    /** 13201501449 → 132****1449; short numbers are masked entirely. */
    public static String maskPhone(String phone) {
        return keepEnds(phone);
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

    /** Masks every phone or resident ID number found in a text. */
    public static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher matcher = SENSITIVE_NUMBER.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        do {
            String found = matcher.group();
            matcher.appendReplacement(
                    masked, Matcher.quoteReplacement(found.length() == 18 ? maskIdNumber(found) : maskPhone(found)));
        } while (matcher.find());
        matcher.appendTail(masked);
        return masked.toString();
    }
}
