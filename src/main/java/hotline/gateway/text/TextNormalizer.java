package hotline.gateway.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalizes free text before term matching: Unicode NFKC (full-width letters, digits and punctuation become
 * their half-width forms, e.g. {@code ＡＢＣ１２３，} becomes {@code ABC123,}), lower case (locale independent),
 * every run of white space (including the ideographic space) collapsed to one ASCII space, and trimmed.
 *
 * <p>The result is not length-preserving with respect to the input; matches are reported on the normalized text.
 * Thread-safe and stateless.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    /**
     * Returns the normalized form of {@code text}; {@code null} gives the empty string.
     */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * True for the characters that make up a Latin "word" for boundary purposes: ASCII letters and digits, any
     * Unicode decimal digit, and letters of the Latin script (é, ü, ß ...). CJK characters and punctuation are
     * not word characters.
     */
    public static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        if (Character.isDigit(c)) {
            return true;
        }
        return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    /** True for Latin letters only (the continuation allowed after a {@code prefix*} term). */
    public static boolean isLatinLetter(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }
}
