package hotline.gateway.ticket.message;

/** What made a ticket URGENT (a dispatch message's {@code urgency.rules}). */
public enum UrgencyRule {
    /** Danger or immediacy terms of the danger taxonomy found in the text ({@code urgency.terms}). */
    DANGER_TERMS,
    /** An assistance program asks for action today ({@code urgency.reasons}). */
    ASSESSMENT,
    /** The sender (the hotline operator, a centre) flagged the request urgent. */
    FLAGGED_BY_SENDER
}
