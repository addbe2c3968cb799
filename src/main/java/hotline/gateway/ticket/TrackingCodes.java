package hotline.gateway.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking codes: what a caller gives with the ticket number to follow their own case without credentials. Eight
 * characters drawn at random ({@link SecureRandom}) from 31 that cannot be mistaken for one another when read out on
 * the phone (no 0/O, 1/I/L): about 40 bits, and the gateway refuses a ticket number after a few wrong codes.
 */
public final class TrackingCodes {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {}

    public static String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /**
     * Whether the code given is the ticket's: letters in either case, spaces and hyphens ignored (people write "k7m2
     * qx9p"). Compared in constant time; a ticket without a code (made before codes existed) matches nothing.
     */
    public static boolean matches(String stored, String given) {
        if (stored == null || given == null) {
            return false;
        }
        String normalised = given.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        return MessageDigest.isEqual(
                stored.getBytes(StandardCharsets.UTF_8), normalised.getBytes(StandardCharsets.UTF_8));
    }
}
