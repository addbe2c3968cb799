package hotline.gateway.web;

import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Message;

/**
 * Clears a request's headers from the message that becomes its answer, keeping only the answer's own. Camel's
 * {@code removeHeaders(pattern, excludes...)} would do the same but matches every header against every exclude as a
 * regular expression, compiled anew each time: a measurable share of an intake call's CPU (docs/performance.md).
 */
final class ReplyHeaders {

    private final Set<String> kept = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    /** @param kept the names (any case, as HTTP header names are) that survive */
    ReplyHeaders(String... kept) {
        this.kept.addAll(Set.of(kept));
    }

    /** Removes every header of {@code message} but the kept ones. */
    void clear(Message message) {
        message.getHeaders().keySet().removeIf(name -> !kept.contains(name));
    }
}
