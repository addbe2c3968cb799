package hotline.gateway.intake;

import java.nio.charset.Charset;

/**
 * A batch of community reports as received: over HTTP or dropped in the inbox folder.
 *
 * @param charset the charset its bytes are in (declared by the sender, or found for an inbox file); null when none
 *     was declared: then it must be UTF-8
 */
public record BatchFile(String name, Format format, byte[] content, Charset charset) {

    public enum Format {
        CSV,
        JSON_LINES;

        /** By file name: .csv is CSV, .jsonl/.ndjson is JSON Lines; anything else null. */
        public static Format ofFileName(String name) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".csv")) {
                return CSV;
            }
            if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
                return JSON_LINES;
            }
            return null;
        }
    }
}
