package hotline.gateway.validation;

/** One bad field of a request: its path (e.g. {@code caller.idNumber}) and what is wrong with it. */
public record FieldError(String field, String message) {}
