package hotline.gateway.outreach.rules;

/** A rule or a label query that cannot be read: what is wrong and at which character. */
public final class RuleSyntaxException extends RuntimeException {

    public RuleSyntaxException(String message) {
        super(message);
    }
}
