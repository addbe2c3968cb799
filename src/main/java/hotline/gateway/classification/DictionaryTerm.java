package hotline.gateway.classification;

import java.util.Objects;

/**
 * One line of the need dictionary.
 *
 * @param kind   what the term is evidence of
 * @param need   the need for {@link TermKind#NEED}, otherwise {@code null}
 * @param weight positive weight
 * @param term   the term as written in the dictionary
 * @param line   1-based line number in the dictionary file (for diagnostics)
 */
public record DictionaryTerm(TermKind kind, NeedCode need, double weight, String term, int line) {

    public DictionaryTerm {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(term, "term");
        if ((kind == TermKind.NEED) != (need != null) || need == NeedCode.OTHER) {
            throw new IllegalArgumentException("need must be set (and not OTHER) exactly for NEED terms");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be positive: " + weight);
        }
    }

    /** The category as written in the CSV (a NeedCode name, INFO, URGENT, NOW or RESOLVED). */
    public String category() {
        return kind == TermKind.NEED ? need.name() : kind.name();
    }
}
