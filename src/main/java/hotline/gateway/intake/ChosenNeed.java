package hotline.gateway.intake;

import hotline.gateway.classification.Classification;
import hotline.gateway.classification.ClassificationMethod;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.classification.NeedJudgement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A need the sender chose (an Open311 service_code) over what the classifier read: the chosen need is primary, the
 * classifier's other needs follow it, its urgency stands, and where it read another primary need that reading is kept
 * first in the evidence ({@code classifier read SUBSISTENCE (0.82, DICTIONARY)}), so the office sees the disagreement.
 */
final class ChosenNeed {

    static final String DISAGREEMENT_PREFIX = "classifier read ";

    private ChosenNeed() {}

    static NeedJudgement apply(NeedJudgement read, NeedCode chosen) {
        Classification c = read.classification();
        List<NeedCode> all = new ArrayList<>(List.of(chosen));
        c.all().stream()
                .filter(need -> need != chosen && need != NeedCode.OTHER)
                .forEach(all::add);
        List<String> evidence = new ArrayList<>();
        if (c.primary() != chosen) {
            evidence.add(DISAGREEMENT_PREFIX + c.primary() + " (" + String.format(Locale.ROOT, "%.2f", c.confidence())
                    + ", " + read.method() + ")");
        }
        evidence.addAll(c.evidence());
        Classification chosenClassification =
                new Classification(chosen, all, 1.0, evidence, c.urgent(), c.urgencyEvidence());
        return new NeedJudgement(
                chosenClassification,
                ClassificationMethod.SERVICE_CODE,
                read.semantic(),
                read.nearest(),
                read.dangerHint(),
                read.modelVersion());
    }
}
