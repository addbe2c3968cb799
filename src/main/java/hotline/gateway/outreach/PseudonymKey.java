package hotline.gateway.outreach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret of the pseudonyms: OUTREACH_PSEUDONYM_KEY (at least 32 characters) when set, as in production; else
 * (the embedded default) a random key kept in a file under ./data, made at first start with a warning. The key is
 * never in the repository, the database or a log.
 */
public final class PseudonymKey {

    private static final Logger log = LoggerFactory.getLogger(PseudonymKey.class);

    private PseudonymKey() {}

    /**
     * The previous key for a re-key (OUTREACH_PSEUDONYM_KEY_PREVIOUS): as OUTREACH_PSEUDONYM_KEY was set, or
     * {@code hex:} and the content of the generated key file, to leave the embedded default's key; null when unset.
     */
    public static byte[] previous(String secret) {
        if (secret == null || secret.isBlank()) {
            return null;
        }
        if (secret.startsWith("hex:")) {
            try {
                return HexFormat.of().parseHex(secret.substring(4).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("OUTREACH_PSEUDONYM_KEY_PREVIOUS: hex: must be followed by hex digits");
            }
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("OUTREACH_PSEUDONYM_KEY_PREVIOUS must have at least 32 characters");
        }
        return bytes;
    }

    public static byte[] load(String secret, Path file) {
        if (secret != null && !secret.isBlank()) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("OUTREACH_PSEUDONYM_KEY must have at least 32 characters");
            }
            return bytes;
        }
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file).strip());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, HexFormat.of().formatHex(key) + "\n");
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            log.warn(
                    "OUTREACH_PSEUDONYM_KEY is not set: generated a pseudonym key in {} for this machine only."
                            + " Production sets OUTREACH_PSEUDONYM_KEY; a new key means re-keying the register"
                            + " (docs/outreach.md, 'Re-keying').",
                    file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the pseudonym key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " does not hold a hex pseudonym key", e);
        }
    }
}
