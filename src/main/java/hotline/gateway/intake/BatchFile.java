package hotline.gateway.intake;

/** A batch of community reports as received: over HTTP or dropped in the inbox folder. */
public record BatchFile(String name, Format format, byte[] content) {

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
