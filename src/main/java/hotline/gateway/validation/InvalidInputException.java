package hotline.gateway.validation;

import java.util.List;

/** A request that cannot be accepted as it is; carries every bad field, not just the first. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    /** The message names each field and what is wrong with it, never the value sent (it may be personal data). */
    public InvalidInputException(List<FieldError> errors) {
        super(String.join(
                "; ",
                errors.stream()
                        .map(error -> error.field() + " " + error.message())
                        .toList()));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
