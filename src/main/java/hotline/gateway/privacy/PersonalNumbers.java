package hotline.gateway.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one recogniser of phone numbers and resident ID numbers: intake accepts a phone number exactly when it is one
 * of the numbers described here, and every mask (the log, texts shown outside the office holding a ticket) finds
 * them in free text with the same grammar, so that nothing the gateway accepts escapes a mask.
 *
 * <p>A phone number is, optionally after a single space or hyphen between its groups:
 *
 * <ul>
 *   <li>a mainland mobile number, 11 digits from 13 to 19, in groups of 3, 4 and 4 ({@code 13600001234},
 *       {@code 136 0000 1236}, {@code 136-0000-1235}), optionally after the country code {@code +86}, {@code 0086} or
 *       {@code 86} ({@code +8613600001237}, {@code +86 136 0000 1238});
 *   <li>a landline with its area code: 0, 2 or 3 digits, then a local number of 7 or 8 digits starting with 2-9,
 *       optionally split before its last 4 ({@code 021-64581234}, {@code 0571 8888 1234}); after {@code +86} or
 *       {@code 0086} the area code drops its 0 ({@code +86 21 6458 1234}). A local number without its area code is
 *       not accepted: it cannot be told from a date or a count in free text;
 *   <li>another country's number, {@code +} or {@code 00} and 7 to 15 digits ({@code +852 9123 4567}).
 * </ul>
 *
 * <p>A resident ID number is 17 digits and a check character, a digit or X (either case): the shape that
 * {@link ResidentIdNumber} checks further (birth date, GB 11643 check digit). A number is only found where no digit
 * comes right before or after it.
 */
public final class PersonalNumbers {

    private static final String SEPARATOR = "[ -]?";
    private static final String MOBILE = "1[3-9]\\d" + SEPARATOR + "\\d{4}" + SEPARATOR + "\\d{4}";
    private static final String AREA = "[1-9]\\d{1,2}";
    private static final String LOCAL = "[2-9]\\d{2,3}" + SEPARATOR + "\\d{4}";
    private static final String LANDLINE = AREA + SEPARATOR + LOCAL;
    private static final String PHONE = "(?:(?:\\+86|0086)" + SEPARATOR + "(?:" + MOBILE + "|" + LANDLINE + ")"
            + "|86" + SEPARATOR + MOBILE
            + "|(?:\\+|00)(?!86)[1-9](?:" + SEPARATOR + "\\d){6,14}"
            + "|" + MOBILE
            + "|0" + LANDLINE + ")";
    private static final String ID_NUMBER = "\\d{17}[\\dXx]";

    private static final Pattern PHONE_NUMBER = Pattern.compile(PHONE);
    private static final Pattern IN_TEXT =
            Pattern.compile("(?<![0-9])(?:(?<id>" + ID_NUMBER + ")|" + PHONE + ")(?![0-9])");

    private PersonalNumbers() {}

    /** Whether the whole text is one phone number in a format described above. */
    public static boolean isPhoneNumber(String text) {
        return text != null && PHONE_NUMBER.matcher(text).matches();
    }

    /**
     * The text with the digits of every phone and resident ID number in it starred but the first 3 and the last 4 (of
     * the number after its country code); separators, the country code and everything else are kept. The same text
     * instance when there is none.
     */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher matcher = IN_TEXT.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int last = 0;
        do {
            masked.append(text, last, matcher.start());
            String found = matcher.group();
            masked.append(matcher.group("id") != null ? keepEnds(found, 0) : keepEnds(found, prefixLength(found)));
            last = matcher.end();
        } while (matcher.find());
        return masked.append(text, last, text.length()).toString();
    }

    /** The country code that {@link #mask} leaves readable: +86, 0086, a leading 86 of 13 digits, or + and 00. */
    private static int prefixLength(String phone) {
        if (phone.startsWith("+86")) {
            return 3;
        }
        if (phone.startsWith("0086")) {
            return 4;
        }
        if (phone.startsWith("86")) {
            return 2;
        }
        if (phone.startsWith("+")) {
            return 1;
        }
        return phone.startsWith("00") ? 2 : 0;
    }

    /**
     * From {@code from} on, stars every digit (and a check character X) but the first 3 and the last 4; with fewer
     * than 8 of them, all.
     */
    private static String keepEnds(String value, int from) {
        int count = 0;
        for (int i = from; i < value.length(); i++) {
            if (isDigitLike(value.charAt(i))) {
                count++;
            }
        }
        StringBuilder masked = new StringBuilder(value.length());
        masked.append(value, 0, from);
        int index = 0;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isDigitLike(c)) {
                masked.append(c);
                continue;
            }
            boolean shown = count >= 8 && (index < 3 || index >= count - 4);
            masked.append(shown ? c : '*');
            index++;
        }
        return masked.toString();
    }

    private static boolean isDigitLike(char c) {
        return (c >= '0' && c <= '9') || c == 'X' || c == 'x';
    }
}
