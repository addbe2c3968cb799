package hotline.gateway.ticket.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The deadlines of the assignment a dispatch message hands over: an office's sign-for, first contact and resolution;
 * a dispatch desk's reassignment. Only the targets the assignment has are present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DispatchSla(Instant signBy, Instant contactBy, Instant resolveBy, Instant reassignBy) {}
