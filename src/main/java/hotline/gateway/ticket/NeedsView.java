package hotline.gateway.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import hotline.gateway.classification.Classification;
import hotline.gateway.classification.ClassificationMethod;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.classification.NeedJudgement;
import hotline.gateway.classification.SemanticOutcome;
import hotline.gateway.classification.semantic.NearestExample;
import java.util.List;

/**
 * A ticket's classified needs as offices see them: the needs, the confidence, which stage decided ({@code method})
 * and its evidence: the dictionary terms found, and where the semantic stage read the text, the labelled examples
 * and need descriptions nearest to it (ids and needs, never another caller's text) and the model version.
 *
 * @param semantic what became of the semantic stage (absent on tickets from before it)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NeedsView(
        NeedCode primary,
        List<NeedCode> all,
        double confidence,
        List<String> evidence,
        ClassificationMethod method,
        SemanticOutcome semantic,
        List<NearestExample> nearest,
        String modelVersion) {

    public static NeedsView of(NeedJudgement judgement) {
        Classification c = judgement.classification();
        return new NeedsView(
                c.primary(),
                c.all(),
                c.confidence(),
                c.evidence(),
                judgement.method(),
                judgement.semantic(),
                judgement.nearest(),
                judgement.modelVersion());
    }

    /** The needs set by a desk's correction (RECLASSIFY). */
    public NeedsView reclassified(NeedCode need) {
        List<NeedCode> needs = new java.util.ArrayList<>(List.of(need));
        all.stream().filter(n -> n != need && n != NeedCode.OTHER).forEach(needs::add);
        return new NeedsView(need, needs, 1.0, evidence, ClassificationMethod.DESK, semantic, nearest, modelVersion);
    }
}
