package hotline.gateway.outreach;

import java.util.Map;

/**
 * One row of a feed file: the line it starts on and its fields by name, or why it cannot be read (then null values).
 */
record FeedRow(int line, Map<String, String> values, String unreadable) {}
