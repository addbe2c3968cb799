package hotline.gateway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import hotline.gateway.validation.FieldError;
import java.util.List;
import java.util.Locale;

/** An RFC 9457 problem details body; {@code errors} names every bad field. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem with one field (a header, the body, the path): its type is made from the title. */
    static Problem of(int status, String title, String field, String message, String instance) {
        return new Problem(
                "/problems/" + slug(title),
                title,
                status,
                field + " " + message,
                instance,
                List.of(new FieldError(field, message)));
    }

    /** 400 for one bad part of a request, as the routes answer invalid input. */
    static Problem invalid(String field, String message, String instance) {
        return new Problem(
                "/problems/invalid-input",
                "Invalid request",
                400,
                field + " " + message,
                instance,
                List.of(new FieldError(field, message)));
    }

    static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
