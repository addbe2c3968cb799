package hotline.gateway.intake;

/** The id of an earlier request came again with a different body: refused, the first one stands. */
public class IdempotencyConflictException extends RuntimeException {

    private final String field;

    public IdempotencyConflictException(Source source, String field, String externalId) {
        super(field + " " + externalId + " was already used for a different "
                + source.name().toLowerCase() + " request");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
