package hotline.gateway.bench;

import hotline.gateway.classification.Classification;
import hotline.gateway.classification.ConfiguredClassifier;
import hotline.gateway.classification.NeedClassifier;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.classification.TrainingData;
import hotline.gateway.classification.evaluation.EvaluationFigures;
import hotline.gateway.classification.evaluation.LabelledCall;
import hotline.gateway.classification.semantic.BgeSmallEmbedders;
import hotline.gateway.classification.semantic.DangerModel;
import hotline.gateway.classification.semantic.DangerScore;
import hotline.gateway.classification.semantic.Embedders;
import hotline.gateway.classification.semantic.NeedModel;
import hotline.gateway.classification.semantic.SemanticClassifier;
import hotline.gateway.classification.semantic.SemanticVerdict;
import hotline.gateway.classification.semantic.TextVector;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Prints how the classifier does (bench/classification.sh): need accuracy, per-need recall, urgent recall and the
 * false urgent rate (urgency from the text alone) on the sample calls, the tuning part of the labelled calls
 * (cross-validated for the semantic stage), the validation part and the frozen test set, for the dictionary alone
 * and for both stages. The semantic stage's minimum score and margin, and the danger hint's threshold, are chosen
 * here on the tuning part's cross-validation only, and printed. Not a test: it asserts nothing. With the argument
 * {@code --without-frozen} it leaves the frozen test set unread (for choosing settings while the work goes on: the
 * frozen set is judged once, on the final choice).
 */
public final class ClassificationBenchmark {

    private static final int FOLDS = 5;
    private static final double[] SCORES = {0.0, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6};
    // Never 0: a need that does not beat the runner-up at all (a tie) is a guess, and a guess goes to triage.
    private static final double[] MARGINS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.04, 0.06, 0.08};
    private static final double[] DANGER = {0.55, 0.6, 0.65, 0.7, 0.75, 0.8};
    private static final double[] UNSURE = {0.55, 0.65, 0.75, 0.85, 0.95};
    private static final int[] NEIGHBOURS = {1, 3, 5, 7, 10};
    private static final double[] CENTROID_WEIGHTS = {0.0, 0.3, 0.5, 0.7, 1.0};

    public static void main(String[] args) {
        boolean withFrozen = !List.of(args).contains("--without-frozen");
        NeedClassifier dictionary = ConfiguredClassifier.dictionaryStage();
        TrainingData training = TrainingData.load(
                Path.of("config/classification/need-descriptions.yml"),
                Path.of("config/classification/labelled-calls.jsonl"),
                Path.of("config/classification/danger-descriptions.yml"));
        List<LabelledCall> labelled =
                LabelledCall.read(Path.of("config/classification/labelled-calls.jsonl"), "tuning");
        List<LabelledCall> tuning =
                labelled.stream().filter(c -> c.split().equals("tuning")).toList();
        List<LabelledCall> validation =
                labelled.stream().filter(c -> c.split().equals("validation")).toList();
        List<LabelledCall> frozen = withFrozen
                ? LabelledCall.read(Path.of("src/test/resources/classification/frozen-test.jsonl"), "frozen-test")
                : List.of();
        List<LabelledCall> samples = LabelledCall.readSamples(Path.of("src/test/resources/samples/sample-calls.jsonl"));

        System.out.println("Dictionary alone");
        print(samples, dictionary::classify, "sample calls");
        print(tuning, dictionary::classify, "labelled: tuning part");
        print(validation, dictionary::classify, "labelled: validation part");
        if (withFrozen) {
            print(frozen, dictionary::classify, "frozen test set (never tuned on)");
        }

        BgeSmallEmbedders.LoadResult loaded = BgeSmallEmbedders.load();
        if (loaded.loaded().isEmpty()) {
            System.out.println("Semantic stage: the models cannot load here ("
                    + loaded.failure().orElse("?") + ")");
            return;
        }
        Embedders embedders = loaded.loaded().get();
        long started = System.nanoTime();
        NeedModel model = NeedModel.build(embedders, training.learnedFrom());
        DangerModel danger = DangerModel.build(embedders, training.dangers(), 1.0);
        System.out.printf(
                Locale.ROOT,
                "%nSemantic stage: model %s from %d descriptions and %d tuning calls, built in %.1f s%n",
                model.version(),
                training.descriptions().size(),
                training.tuning().size(),
                (System.nanoTime() - started) / 1e9);

        // Cross-validation on the tuning part: each fold's calls are classified by a model without them.
        Map<String, TextVector> vectors = new HashMap<>();
        for (LabelledCall call : tuning) {
            vectors.put(call.id(), embedders.embed(call.text()));
        }
        Map<String, DangerScore> dangerScores = new HashMap<>();
        tuning.forEach(call -> dangerScores.put(call.id(), danger.score(vectors.get(call.id()))));
        double bestAccuracy = -1;
        Settings best = null;
        for (int k : NEIGHBOURS) {
            for (double w : CENTROID_WEIGHTS) {
                NeedModel scored = model.withScoring(k, w);
                Map<String, SemanticVerdict> cv = new HashMap<>();
                for (int fold = 0; fold < FOLDS; fold++) {
                    Set<String> ids = new java.util.HashSet<>();
                    for (int i = fold; i < tuning.size(); i += FOLDS) {
                        ids.add(tuning.get(i).id());
                    }
                    SemanticClassifier foldClassifier = new SemanticClassifier(embedders, scored.without(ids), -1, 0);
                    for (String id : ids) {
                        cv.put(id, foldClassifier.classify(vectors.get(id)));
                    }
                }
                for (double t : UNSURE) {
                    for (double sc : SCORES) {
                        for (double m : MARGINS) {
                            Settings settings = new Settings(k, w, t, sc, m);
                            double accuracy = EvaluationFigures.of(tuning, twoStage(dictionary, tuning, cv, settings))
                                    .accuracy();
                            if (accuracy > bestAccuracy + 1e-9) {
                                bestAccuracy = accuracy;
                                best = settings;
                                bestCv = cv;
                            }
                        }
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Chosen on the tuning part's %d-fold cross-validation: %s (accuracy %.1f%%)%n",
                FOLDS,
                best,
                100 * bestAccuracy);
        double dangerThreshold = chooseDangerThreshold(dictionary, tuning, dangerScores);

        SemanticClassifier semantic =
                new SemanticClassifier(embedders, model.withScoring(best.neighbours(), best.centroidWeight()), -1, 0);
        System.out.println("\nBoth stages");
        print(samples, twoStage(dictionary, samples, verdicts(semantic, samples), best), "sample calls");
        print(tuning, twoStage(dictionary, tuning, bestCv, best), "labelled: tuning part (5-fold CV)");
        print(
                validation,
                twoStage(dictionary, validation, verdicts(semantic, validation), best),
                "labelled: validation part");
        dangerHints(dictionary, validation, embedders, danger, dangerThreshold, "validation part");
        if (withFrozen) {
            print(frozen, twoStage(dictionary, frozen, verdicts(semantic, frozen), best), "frozen test set");
            dangerHints(dictionary, frozen, embedders, danger, dangerThreshold, "frozen test set");
        }
    }

    private static Map<String, SemanticVerdict> bestCv;

    /** The stage's settings: scoring (k nearest, centroid weight), when the dictionary counts as unsure, thresholds. */
    record Settings(int neighbours, double centroidWeight, double unsureBelow, double minScore, double minMargin) {}

    private static void print(List<LabelledCall> calls, Function<String, Classification> classifier, String label) {
        System.out.print(EvaluationFigures.of(calls, classifier).describe(label));
    }

    private static Map<String, SemanticVerdict> verdicts(SemanticClassifier semantic, List<LabelledCall> calls) {
        Map<String, SemanticVerdict> verdicts = new HashMap<>();
        for (LabelledCall call : calls) {
            verdicts.put(call.text(), semantic.classify(call.text()));
        }
        return verdicts;
    }

    /** The two stages as TwoStageClassifier runs them, with the verdicts looked up by id or text. */
    private static Function<String, Classification> twoStage(
            NeedClassifier dictionary,
            List<LabelledCall> calls,
            Map<String, SemanticVerdict> verdicts,
            Settings settings) {
        Map<String, SemanticVerdict> byText = new HashMap<>();
        for (LabelledCall call : calls) {
            SemanticVerdict v = verdicts.containsKey(call.id()) ? verdicts.get(call.id()) : verdicts.get(call.text());
            byText.put(call.text(), v);
        }
        return text -> {
            Classification c = dictionary.classify(text);
            SemanticVerdict v = byText.get(text);
            if (v == null || (!c.isTriage() && c.confidence() >= settings.unsureBelow())) {
                return c;
            }
            boolean decided = v.best() != NeedCode.OTHER
                    && v.score() >= settings.minScore()
                    && v.margin() >= settings.minMargin();
            if (!decided) {
                return c;
            }
            return new Classification(v.best(), List.of(v.best()), 0.5, c.evidence(), c.urgent(), c.urgencyEvidence());
        };
    }

    /**
     * The lowest threshold at which at most 1 in 10 non-urgent tuning calls would carry a hint: the hint is for a
     * person to look at, so it must stay rare enough to be read.
     */
    private static double chooseDangerThreshold(
            NeedClassifier dictionary, List<LabelledCall> tuning, Map<String, DangerScore> scores) {
        double chosen = DANGER[DANGER.length - 1];
        for (double t : DANGER) {
            int normal = 0, hinted = 0, missed = 0, missedHinted = 0;
            for (LabelledCall call : tuning) {
                boolean ruleUrgent = dictionary.classify(call.text()).urgent();
                boolean hint = !ruleUrgent && scores.get(call.id()).score() >= t;
                if (!call.urgent()) {
                    normal++;
                    hinted += hint ? 1 : 0;
                } else if (!ruleUrgent) {
                    missed++;
                    missedHinted += hint ? 1 : 0;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "  danger hint at %.2f (tuning CV): %d/%d urgent calls the rules missed get a hint, %d/%d non-urgent%n",
                    t,
                    missedHinted,
                    missed,
                    hinted,
                    normal);
            if (hinted <= normal / 10 && t < chosen) {
                chosen = t;
            }
        }
        System.out.printf(Locale.ROOT, "Chosen danger hint threshold: %.2f%n", chosen);
        return chosen;
    }

    private static void dangerHints(
            NeedClassifier dictionary,
            List<LabelledCall> calls,
            Embedders embedders,
            DangerModel danger,
            double threshold,
            String label) {
        int missed = 0, missedHinted = 0, normal = 0, hinted = 0;
        for (LabelledCall call : calls) {
            boolean ruleUrgent = dictionary.classify(call.text()).urgent();
            if (ruleUrgent) {
                continue;
            }
            boolean hint = danger.score(embedders.embed(call.text())).score() >= threshold;
            if (call.urgent()) {
                missed++;
                missedHinted += hint ? 1 : 0;
            } else {
                normal++;
                hinted += hint ? 1 : 0;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "  danger hints on the %s: %d/%d urgent calls the rules missed get one, %d/%d non-urgent calls%n",
                label,
                missedHinted,
                missed,
                hinted,
                normal);
    }
}
