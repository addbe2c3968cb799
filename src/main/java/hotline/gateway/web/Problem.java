package hotline.gateway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import hotline.gateway.validation.FieldError;
import java.util.List;

/** An RFC 9457 problem details body; {@code errors} names every bad field. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
