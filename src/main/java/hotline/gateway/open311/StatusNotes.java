package hotline.gateway.open311;

/**
 * A ticket's state in words for the public, in Chinese and English: made from the state and the office only, never
 * from an office's or caller's free text, as the caller's own view of a ticket shows no free text either.
 */
final class StatusNotes {

    private StatusNotes() {}

    /** open, or closed once resolved (RESOLVED, CLOSED): GeoReport v2's two states. */
    static String status(String ticketStatus) {
        return "RESOLVED".equals(ticketStatus) || "CLOSED".equals(ticketStatus) ? "closed" : "open";
    }

    static String of(String ticketStatus, String office, boolean extended) {
        String notes = switch (ticketStatus) {
            case "CREATED", "DISPATCHED" -> "已派至" + office + "，等待签收 / Sent to " + office + ", waiting to be signed for";
            case "SIGNED" -> office + "已签收 / Signed for by " + office;
            case "IN_PROGRESS" -> office + "正在办理 / " + office + " is working on it";
            case "RESOLVED" -> office + "已办结，待回访 / Resolved by " + office + "; a follow-up call will come";
            case "CLOSED" -> "已办结并回访 / Resolved and closed after the follow-up call";
            case "RETURNED" -> "已退回派单台重新派单 / Returned to the dispatch desk to find the responsible office";
            default -> ticketStatus;
        };
        return extended ? notes + "（已延期 / deadline extended）" : notes;
    }
}
