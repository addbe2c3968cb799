package hotline.gateway.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Puts first the need that a danger category names ({@code primary-need} in the danger taxonomy) when the rules made
 * the call urgent for a danger of that category: a gas smell at an old woman's flat is EMERGENCY first, and the need
 * the stages read (ELDERLY_CARE) follows it in {@code all}. The call keeps its urgency; the confidence is 1 (a rule
 * decided), and the danger terms that decided lead the evidence. Categories that name no need (a child alone, no food
 * today) leave the need the stages read first: there the person's need is the answer. A call that is not urgent, or
 * urgent only for other reasons, is returned as it is.
 */
public final class DangerFirstNeed implements UnaryOperator<Classification> {

    /** Changes nothing: for a classifier built without a taxonomy. */
    public static final DangerFirstNeed NONE = new DangerFirstNeed(null);

    private final DangerTaxonomy taxonomy;

    public DangerFirstNeed(DangerTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @Override
    public Classification apply(Classification c) {
        if (taxonomy == null || !c.urgent()) {
            return c;
        }
        NeedCode first = null;
        List<String> terms = new ArrayList<>();
        for (String term : c.urgencyEvidence()) {
            Optional<NeedCode> need = taxonomy.primaryNeed(taxonomy.categoryOf(term));
            if (need.isPresent() && (first == null || first == need.get())) {
                first = need.get();
                terms.add(term);
            }
        }
        if (first == null || c.primary() == first) {
            return c;
        }
        List<NeedCode> all = new ArrayList<>(List.of(first));
        for (NeedCode need : c.all()) {
            if (need != first && need != NeedCode.OTHER) {
                all.add(need);
            }
        }
        List<String> evidence = new ArrayList<>(terms);
        c.evidence().stream().filter(term -> !evidence.contains(term)).forEach(evidence::add);
        return new Classification(first, all, 1.0, evidence, true, c.urgencyEvidence());
    }
}
