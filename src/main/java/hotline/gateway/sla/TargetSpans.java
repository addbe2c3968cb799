package hotline.gateway.sla;

import hotline.gateway.assignment.TargetKind;
import java.util.Objects;

/** The spans an office has for one ticket: sign for it, first contact the citizen, resolve it. */
public record TargetSpans(SlaSpan sign, SlaSpan contact, SlaSpan resolve) {

    public TargetSpans {
        Objects.requireNonNull(sign, "sign");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(resolve, "resolve");
    }

    /** The span of an office's target; REASSIGN is the desk's and is asked of {@link SlaPolicy#reassign()}. */
    public SlaSpan span(TargetKind kind) {
        return switch (kind) {
            case SIGN -> sign;
            case CONTACT -> contact;
            case RESOLVE -> resolve;
            case REASSIGN ->
                throw new IllegalArgumentException("REASSIGN is a dispatch desk's target, not an office's");
        };
    }
}
