package hotline.gateway.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The 18-character resident identity number of GB 11643-1999: a 6-digit area code, the birth date (yyyyMMdd),
 * a 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentIdNumber() {}

    /** Why the number is invalid, or null when it is valid. */
    public static String problem(String value) {
        if (value.length() != 18) {
            return "must be 18 characters";
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(value.charAt(i))) {
                return "the first 17 characters must be digits";
            }
        }
        char last = Character.toUpperCase(value.charAt(17));
        if (!isAsciiDigit(last) && last != 'X') {
            return "the last character must be a digit or X";
        }
        if (!isValidBirthDate(value)) {
            return "characters 7-14 must be a valid birth date (yyyyMMdd)";
        }
        if (last != checkCharacter(value)) {
            return "wrong check digit (GB 11643)";
        }
        return null;
    }

    public static boolean isValid(String value) {
        return value != null && problem(value) == null;
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    private static boolean isValidBirthDate(String value) {
        int year = Integer.parseInt(value.substring(6, 10));
        int month = Integer.parseInt(value.substring(10, 12));
        int day = Integer.parseInt(value.substring(12, 14));
        if (year < 1900) {
            return false;
        }
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
