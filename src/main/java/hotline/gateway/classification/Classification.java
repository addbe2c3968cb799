package hotline.gateway.classification;

import java.util.List;
import java.util.Objects;

/**
 * The result of classifying one call or report.
 *
 * @param primary         the need the request is routed by; {@link NeedCode#OTHER} means triage
 * @param all             every need found, primary first, then by score; {@code [OTHER]} for triage
 * @param confidence      0..1, two decimals (see {@link NeedClassifier} for the formula)
 * @param evidence        the dictionary terms (as written there) that support {@code all}, distinct, in order
 *                        of first appearance; for OTHER every need or INFO term that was found
 * @param urgent          life or safety at risk now, or no food / no shelter today, as read from the text
 * @param urgencyEvidence the danger and immediacy terms that made it urgent (empty when not urgent)
 */
public record Classification(
        NeedCode primary,
        List<NeedCode> all,
        double confidence,
        List<String> evidence,
        boolean urgent,
        List<String> urgencyEvidence) {

    public Classification {
        Objects.requireNonNull(primary, "primary");
        all = List.copyOf(all);
        evidence = List.copyOf(evidence);
        urgencyEvidence = List.copyOf(urgencyEvidence);
        if (all.isEmpty() || all.get(0) != primary) {
            throw new IllegalArgumentException("primary must be the first of all: " + primary + " " + all);
        }
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence out of 0..1: " + confidence);
        }
    }

    /** True when the request goes to triage rather than to a need. */
    public boolean isTriage() {
        return primary == NeedCode.OTHER;
    }
}
