package hotline.gateway.classification;

import hotline.gateway.classification.semantic.DangerScore;
import hotline.gateway.classification.semantic.EmbeddingBudget;
import hotline.gateway.classification.semantic.SemanticClassifier;
import hotline.gateway.classification.semantic.SemanticVerdict;
import hotline.gateway.classification.semantic.TextVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decides a request's needs in two stages. The need dictionary first: fast, exact, explainable. Where it is unsure
 * (its answer is OTHER: below its confidence threshold, or no need at all), the semantic stage compares the text
 * with what the city's labelled tickets, desk corrections and need descriptions teach, and decides only when its
 * best need beats the runner-up by its margin; otherwise the request stays OTHER and goes to triage, never a guess.
 * Where the dictionary named a need with a confidence the stage's settings leave open to contest, the stage reads
 * the call as well and overturns that need only with a clearer margin ({@link SemanticClassifier#overturns}); the
 * dictionary's other needs follow the stage's. The semantic stage runs inline within a budget of concurrent
 * embeddings: when every permit is taken the request keeps the dictionary's answer at once, and says so. Urgency
 * always comes from the rules; the semantic stage only adds a danger hint for a person to look at. Last, where the
 * rules made the call urgent for a danger whose category names a need (fire, gas, violence ...), that need comes
 * first and the one read follows ({@link DangerFirstNeed}).
 */
public final class TwoStageClassifier {

    private final NeedClassifier dictionary;
    private final Supplier<Optional<SemanticStage>> semantic;
    private final EmbeddingBudget budget;
    private final DangerFirstNeed dangerFirst;
    private final Consumer<NeedJudgement> observer;

    /**
     * @param semantic the stage in use now (empty while it is off, loading, or cannot run here); read per call, so
     *                 a refreshed model takes over without a restart
     */
    public TwoStageClassifier(
            NeedClassifier dictionary,
            Supplier<Optional<SemanticStage>> semantic,
            EmbeddingBudget budget,
            DangerFirstNeed dangerFirst) {
        this(dictionary, semantic, budget, dangerFirst, judgement -> {});
    }

    private TwoStageClassifier(
            NeedClassifier dictionary,
            Supplier<Optional<SemanticStage>> semantic,
            EmbeddingBudget budget,
            DangerFirstNeed dangerFirst,
            Consumer<NeedJudgement> observer) {
        this.dictionary = dictionary;
        this.semantic = semantic;
        this.budget = budget;
        this.dangerFirst = dangerFirst;
        this.observer = observer;
    }

    /** This classifier, telling {@code observer} every judgement it gives (for metrics: which stage decided how). */
    public TwoStageClassifier withObserver(Consumer<NeedJudgement> observer) {
        return new TwoStageClassifier(dictionary, semantic, budget, dangerFirst, observer);
    }

    public NeedJudgement classify(String text) {
        NeedJudgement read = read(text);
        Classification c = dangerFirst.apply(read.classification());
        NeedJudgement judgement = c == read.classification()
                ? read
                : new NeedJudgement(
                        c, read.method(), read.semantic(), read.nearest(), read.dangerHint(), read.modelVersion());
        observer.accept(judgement);
        return judgement;
    }

    private NeedJudgement read(String text) {
        Classification byDictionary = dictionary.classify(text);
        Optional<SemanticStage> stage = semantic.get();
        boolean contested = !byDictionary.isTriage()
                && stage.isPresent()
                && stage.get().needs().contests(byDictionary.confidence());
        if (!byDictionary.isTriage() && !contested) {
            return NeedJudgement.dictionary(byDictionary, SemanticOutcome.NOT_NEEDED);
        }
        if (stage.isEmpty() || text == null || text.isBlank()) {
            return NeedJudgement.dictionary(byDictionary, SemanticOutcome.UNAVAILABLE);
        }
        return budget.tryRun(() -> judge(stage.get(), text, byDictionary))
                .orElseGet(() -> NeedJudgement.dictionary(byDictionary, SemanticOutcome.BUDGET_SPENT));
    }

    private static NeedJudgement judge(SemanticStage stage, String text, Classification byDictionary) {
        TextVector vector = stage.needs().embedders().embed(text);
        SemanticVerdict verdict = stage.needs().classify(vector);
        DangerScore hint =
                byDictionary.urgent() ? null : stage.danger().hint(vector).orElse(null);
        boolean named = !byDictionary.isTriage();
        boolean decides = named ? stage.needs().overturns(verdict, byDictionary.primary()) : verdict.decided();
        if (!decides) {
            return new NeedJudgement(
                    byDictionary,
                    ClassificationMethod.DICTIONARY,
                    named ? SemanticOutcome.KEPT : SemanticOutcome.UNDECIDED,
                    verdict.evidence(),
                    hint,
                    stage.version());
        }
        List<NeedCode> all = new ArrayList<>();
        all.add(verdict.best());
        // The dictionary's terms may still point at further needs; they follow the semantic stage's.
        for (NeedCode need : byDictionary.all()) {
            if (need != NeedCode.OTHER && !all.contains(need)) {
                all.add(need);
            }
        }
        Classification decided = new Classification(
                verdict.best(),
                all,
                Math.round(Math.max(0, verdict.score()) * 100) / 100.0,
                byDictionary.evidence(),
                byDictionary.urgent(),
                byDictionary.urgencyEvidence());
        return new NeedJudgement(
                decided,
                ClassificationMethod.SEMANTIC,
                SemanticOutcome.DECIDED,
                verdict.evidence(),
                hint,
                stage.version());
    }
}
