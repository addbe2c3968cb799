package hotline.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys: 256 bits from {@link SecureRandom}, written as {@code hk_} and 43 URL-safe Base64 characters, shown once
 * when made and stored only as their SHA-256. A key this random needs no slow hash: nobody can guess one, so its hash
 * only has to keep the database from holding the key itself, and it lets the gateway find the key by its hash.
 */
public final class ApiKeys {

    static final String PREFIX = "hk_";
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the key as sent (its UTF-8 bytes). */
    public static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hash given as 64 hex digits (HOTLINE_OPERATOR_KEY_SHA256); refused with the reason otherwise. */
    public static byte[] parseHexHash(String hex, String name) {
        String trimmed = hex.trim();
        if (!trimmed.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException(name + " must be the SHA-256 of a key as 64 hex digits, e.g. the output"
                    + " of: printf %s \"$KEY\" | sha256sum");
        }
        return HexFormat.of().parseHex(trimmed);
    }
}
