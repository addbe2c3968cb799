package hotline.gateway.outreach;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: the hex HMAC-SHA-256 of a resident ID number (upper-case X) or, with its own prefix, of a
 * household number. Without the secret a pseudonym cannot be computed from a number, nor guessed by trying the
 * (few) valid ID numbers of a birth date. Not thread-safe: one per load or run ({@link #copy()}).
 */
public final class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";
    private final byte[] key;
    private final Mac mac;

    public Pseudonyms(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the pseudonym key must have at least 32 bytes");
        }
        this.key = key.clone();
        try {
            this.mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(this.key, ALGORITHM));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** A pseudonymiser with the same key, for another thread. */
    public Pseudonyms copy() {
        return new Pseudonyms(key);
    }

    public String person(String idNumber) {
        return hex("person:" + idNumber.toUpperCase(Locale.ROOT));
    }

    public String household(String householdNo) {
        return hex("household:" + householdNo);
    }

    /**
     * Tells this key from another without revealing it: the HMAC of a fixed text. The register keeps the fingerprint
     * of the key its pseudonyms were made with, so a changed or a wrong key is noticed, never mixed in.
     */
    public String fingerprint() {
        return hex("fingerprint:pseudonym-key").substring(0, 16);
    }

    private String hex(String text) {
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
