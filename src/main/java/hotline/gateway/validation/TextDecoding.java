package hotline.gateway.validation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Bytes to text, strictly: a byte sequence the charset does not define is an error that names the charset and the
 * byte where it starts, never a replacement character. JSON is UTF-8; batch files are UTF-8 unless they declare GBK
 * or GB18030, the encodings Chinese spreadsheet programs save in.
 */
public final class TextDecoding {

    /** The charsets a batch may declare; UTF-16 and the rest are refused. GB2312 is a subset of GBK. */
    private static final Set<String> BATCH_CHARSETS = Set.of("UTF-8", "US-ASCII", "GBK", "GB18030", "GB2312");

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextDecoding() {}

    /**
     * The text of a body or file in the given charset, without a leading byte order mark.
     *
     * @param field the name the error is reported under, e.g. {@code (body)}
     * @throws InvalidInputException when the bytes are not valid in that charset
     */
    public static String decode(byte[] bytes, Charset charset, String field) {
        try {
            return decodeStrictly(bytes, charset);
        } catch (MalformedAt e) {
            throw InvalidInputException.of(field, notValid(charset, e.offset));
        }
    }

    /** The text when the bytes are valid in the charset; empty otherwise. */
    public static Optional<String> tryDecode(byte[] bytes, Charset charset) {
        try {
            return Optional.of(decodeStrictly(bytes, charset));
        } catch (MalformedAt e) {
            return Optional.empty();
        }
    }

    /** "is not valid UTF-8: a malformed byte sequence at byte 17" (0-based), for the first bad byte. */
    public static String problem(byte[] bytes, Charset charset) {
        try {
            decodeStrictly(bytes, charset);
            return null;
        } catch (MalformedAt e) {
            return notValid(charset, e.offset);
        }
    }

    /**
     * The charset a batch declares (the {@code charset} parameter of its Content-Type), if it is one the gateway
     * reads.
     *
     * @return the charset, or empty when the name is unknown or not one a batch may use (UTF-16, ...)
     */
    public static Optional<Charset> batchCharset(String name) {
        try {
            Charset charset = Charset.forName(name.trim());
            return BATCH_CHARSETS.contains(charset.name().toUpperCase(Locale.ROOT))
                    ? Optional.of(charset)
                    : Optional.empty();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** Whether a declared charset names UTF-8 (or its subset US-ASCII). */
    public static boolean isUtf8(String name) {
        try {
            Charset charset = Charset.forName(name.trim());
            return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return false;
        }
    }

    private static String notValid(Charset charset, int offset) {
        return "is not valid " + charset.name() + " text: a malformed byte sequence at byte " + offset;
    }

    private static String decodeStrictly(byte[] bytes, Charset charset) throws MalformedAt {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isOverflow()) {
            // Only a charset with more chars than bytes gets here; none that is read here does.
            throw new IllegalStateException("decoded text longer than its bytes in " + charset);
        }
        if (result.isError()) {
            throw new MalformedAt(in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new MalformedAt(in.position());
        }
        out.flip();
        if (out.hasRemaining() && out.charAt(0) == BYTE_ORDER_MARK) {
            out.position(1);
        }
        return out.toString();
    }

    /** A malformed or unmappable sequence at this byte offset. */
    private static final class MalformedAt extends Exception {
        final int offset;

        MalformedAt(int offset) {
            super(null, null, false, false);
            this.offset = offset;
        }
    }
}
