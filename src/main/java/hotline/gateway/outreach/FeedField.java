package hotline.gateway.outreach;

/**
 * One field of a feed: its name in the file (CSV header or JSON key), the fact column it fills, its type, and
 * whether a row needs it.
 */
record FeedField(String name, String column, FieldType type, boolean required) {

    static FeedField required(String name, String column, FieldType type) {
        return new FeedField(name, column, type, true);
    }

    static FeedField optional(String name, String column, FieldType type) {
        return new FeedField(name, column, type, false);
    }
}
