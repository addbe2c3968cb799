package hotline.gateway.bench;

import hotline.gateway.classification.Classification;
import hotline.gateway.classification.ConfiguredClassifier;
import hotline.gateway.classification.DangerFirstNeed;
import hotline.gateway.classification.NeedClassifier;
import hotline.gateway.classification.NeedJudgement;
import hotline.gateway.classification.SemanticStage;
import hotline.gateway.classification.TrainingData;
import hotline.gateway.classification.TwoStageClassifier;
import hotline.gateway.classification.evaluation.EvaluationFigures;
import hotline.gateway.classification.evaluation.LabelledCall;
import hotline.gateway.classification.semantic.BgeSmallEmbedders;
import hotline.gateway.classification.semantic.DangerExamples;
import hotline.gateway.classification.semantic.DangerModel;
import hotline.gateway.classification.semantic.Embedders;
import hotline.gateway.classification.semantic.EmbeddingBudget;
import hotline.gateway.classification.semantic.LabelledText;
import hotline.gateway.classification.semantic.NeedModel;
import hotline.gateway.classification.semantic.SemanticClassifier;
import hotline.gateway.config.GatewayProperties;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Prints how the classifier does (bench/classification.sh): need accuracy, per-need recall, urgent recall and the
 * false urgent rate (urgency from the text alone) on the sample calls, the tuning part of the labelled calls
 * (cross-validated for the semantic stage), the validation part and the frozen test set, for the dictionary alone
 * and for both stages, and on each batch of the danger phrasings written apart, read by a model built without it.
 * Every two-stage figure comes from {@link TwoStageClassifier} itself, with a semantic stage
 * built as the gateway builds it and the settings the gateway runs with (GatewayProperties' defaults); only the
 * embeddings are kept between settings (target/bench/embeddings.bin, never the frozen set's). It also searches the
 * semantic stage's nearest examples, centroid weight, minimum score and margin, and the danger hint's threshold, on
 * the tuning part's cross-validation only, and prints what it finds, for choosing the gateway's settings. Not a test: it
 * asserts nothing. With the argument {@code --without-frozen} it leaves the frozen test set unread (for choosing
 * settings while the work goes on: the frozen set is judged once, on the final choice).
 */
public final class ClassificationBenchmark {

    private static final int FOLDS = 5;
    private static final int[] NEIGHBOURS = {3, 5, 7};
    private static final double[] CENTROID_WEIGHTS = {0.3, 0.5, 0.7};
    private static final double[] SCORES = {0.45, 0.5, 0.55, 0.6};
    // Never 0: a need that does not beat the runner-up at all (a tie) is a guess, and a guess goes to triage.
    private static final double[] MARGINS = {0.001, 0.005, 0.01, 0.02};
    private static final double[] DANGER = {0.55, 0.6, 0.65, 0.7, 0.75, 0.8};
    private static final Path CACHE = Path.of("target/bench/embeddings.bin");

    /** The stage's settings: scoring (k nearest, centroid weight) and thresholds. */
    record Settings(
            int neighbours,
            double centroidWeight,
            double minScore,
            double minMargin,
            double dangerThreshold,
            double dangerExampleMargin,
            double contestBelow,
            double contestMargin) {

        /** Need thresholds to try, with the danger and contest settings of {@code run}. */
        Settings(int neighbours, double centroidWeight, double minScore, double minMargin, Settings run) {
            this(
                    neighbours,
                    centroidWeight,
                    minScore,
                    minMargin,
                    run.dangerThreshold(),
                    run.dangerExampleMargin(),
                    run.contestBelow(),
                    run.contestMargin());
        }

        SemanticClassifier classifier(Embedders embedders, NeedModel model) {
            return new SemanticClassifier(embedders, model, minScore, minMargin, contestBelow, contestMargin);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%d nearest, centroid weight %.1f, minimum score %.2f, margin %.3f, contest below %.2f by %.3f",
                    neighbours,
                    centroidWeight,
                    minScore,
                    minMargin,
                    contestBelow,
                    contestMargin);
        }
    }

    /** The defaults of {@link GatewayProperties.Semantic}: what the gateway runs with unless configured otherwise. */
    static Settings gatewaySettings() {
        Map<String, String> defaults = new HashMap<>();
        Parameter[] parameters = GatewayProperties.Semantic.class.getDeclaredConstructors()[0].getParameters();
        RecordComponent[] components = GatewayProperties.Semantic.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            DefaultValue value = parameters[i].getAnnotation(DefaultValue.class);
            if (value != null && value.value().length == 1) {
                defaults.put(components[i].getName(), value.value()[0]);
            }
        }
        return new Settings(
                Integer.parseInt(defaults.get("neighbours")),
                Double.parseDouble(defaults.get("centroidWeight")),
                Double.parseDouble(defaults.get("minScore")),
                Double.parseDouble(defaults.get("minMargin")),
                Double.parseDouble(defaults.get("dangerThreshold")),
                Double.parseDouble(defaults.get("dangerExampleMargin")),
                Double.parseDouble(defaults.get("contestBelow")),
                Double.parseDouble(defaults.get("contestMargin")));
    }

    public static void main(String[] args) {
        boolean withFrozen = !List.of(args).contains("--without-frozen");
        // --also=<file>: further labelled calls (JSON Lines: id, text, need, needs, urgent), such as a city's newest
        // tickets, judged like the frozen set
        List<LabelledCall> also = List.of(args).stream()
                .filter(a -> a.startsWith("--also="))
                .flatMap(a -> LabelledCall.read(Path.of(a.substring("--also=".length())), "also").stream())
                .toList();
        NeedClassifier dictionary = ConfiguredClassifier.dictionaryStage();
        // --without-danger-first: the needs as the stages read them, for comparison
        DangerFirstNeed dangerFirst = List.of(args).contains("--without-danger-first")
                ? DangerFirstNeed.NONE
                : ConfiguredClassifier.dangerFirstNeed();
        TwoStageClassifier withoutStage = ConfiguredClassifier.withoutSemanticStage(dangerFirst);
        Function<String, Classification> dictionaryAlone =
                t -> withoutStage.classify(t).classification();
        TrainingData training = TrainingData.load(
                Path.of("config/classification/need-descriptions.yml"),
                Path.of("config/classification/labelled-calls.jsonl"),
                Path.of("config/classification/danger-descriptions.yml"),
                Path.of("config/classification/danger-phrasings.jsonl"));
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
        List<LabelledCall> phrasings =
                LabelledCall.read(Path.of("config/classification/danger-phrasings.jsonl"), "phrasing");

        System.out.println("Dictionary alone");
        print(samples, dictionaryAlone, "sample calls");
        print(tuning, dictionaryAlone, "labelled: tuning part");
        print(validation, dictionaryAlone, "labelled: validation part");
        print(phrasings, dictionaryAlone, "danger phrasings (urgency)");
        if (withFrozen) {
            print(frozen, dictionaryAlone, "frozen test set (never tuned on)");
        }
        if (!also.isEmpty()) {
            print(also, dictionaryAlone, "--also calls");
        }

        BgeSmallEmbedders.LoadResult loaded = BgeSmallEmbedders.load();
        if (loaded.loaded().isEmpty()) {
            System.out.println("Semantic stage: the models cannot load here ("
                    + loaded.failure().orElse("?") + ")");
            return;
        }
        CachingEmbedders embedders = new CachingEmbedders(loaded.loaded().get());
        embedders.load(CACHE);
        long started = System.nanoTime();
        NeedModel model = NeedModel.build(embedders, training.learnedFrom());
        System.out.printf(
                Locale.ROOT,
                "%nSemantic stage: model %s from %d descriptions, %d tuning calls and %d phrasings, built in %.1f s%n",
                model.version(),
                training.descriptions().size(),
                training.tuning().size(),
                training.phrasings().size(),
                (System.nanoTime() - started) / 1e9);
        // Need accuracy does not depend on the hint: while the settings are chosen, a hint threshold of 1 (none).
        DangerModel noHints = DangerModel.build(embedders, training.dangers(), 1.0);
        Map<Double, DangerModel> dangers = new HashMap<>();
        for (double t : DANGER) {
            dangers.put(t, DangerModel.build(embedders, training.dangers(), t));
        }

        // The settings the gateway runs with (GatewayProperties' defaults): the search below says whether they should
        // change, the figures after it are for them, so that the benchmark measures what runs.
        Settings run = gatewaySettings();
        // Cross-validation on the tuning part: each fold's calls are classified by a model without them.
        List<Set<String>> folds = folds(tuning);
        double bestAccuracy = -1;
        Settings best = null;
        for (int k : NEIGHBOURS) {
            for (double w : CENTROID_WEIGHTS) {
                NeedModel scored = model.withScoring(k, w);
                List<NeedModel> foldModels = folds.stream().map(scored::without).toList();
                double bestHere = -1;
                for (double sc : SCORES) {
                    for (double m : MARGINS) {
                        Settings settings = new Settings(k, w, sc, m, run);
                        Function<String, NeedJudgement> cv = crossValidated(
                                dictionary, dangerFirst, embedders, tuning, folds, foldModels, settings, noHints);
                        double accuracy = EvaluationFigures.of(
                                        tuning, t -> cv.apply(t).classification())
                                .accuracy();
                        bestHere = Math.max(bestHere, accuracy);
                        if (accuracy > bestAccuracy + 1e-9) {
                            bestAccuracy = accuracy;
                            best = settings;
                        }
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "  %d nearest, centroid weight %.1f: best cross-validated accuracy %.1f%%%n",
                        k,
                        w,
                        100 * bestHere);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Chosen on the tuning part's %d-fold cross-validation: %s (accuracy %.1f%%)%n",
                FOLDS,
                best,
                100 * bestAccuracy);
        NeedModel chosen = model.withScoring(run.neighbours(), run.centroidWeight());
        List<NeedModel> foldModels = folds.stream().map(chosen::without).toList();
        Function<String, NeedJudgement> runCv =
                crossValidated(dictionary, dangerFirst, embedders, tuning, folds, foldModels, run, noHints);
        System.out.printf(
                Locale.ROOT,
                "The gateway runs with %s, danger hint at %.2f (cross-validated accuracy %.1f%%)%n",
                run,
                run.dangerThreshold(),
                100
                        * EvaluationFigures.of(tuning, t -> runCv.apply(t).classification())
                                .accuracy());
        chooseDangerThreshold(dictionary, dangerFirst, embedders, tuning, folds, foldModels, run, dangers);
        DangerModel danger = DangerModel.build(embedders, training.dangers(), run.dangerThreshold())
                .withExamples(
                        DangerExamples.build(embedders, training.dangerExamples(), run.neighbours()),
                        run.dangerExampleMargin());

        SemanticStage stage = new SemanticStage(run.classifier(embedders, chosen), danger);
        TwoStageClassifier twoStage =
                new TwoStageClassifier(dictionary, () -> Optional.of(stage), new EmbeddingBudget(1), dangerFirst);
        System.out.println("\nBoth stages (TwoStageClassifier)");
        print(samples, t -> twoStage.classify(t).classification(), "sample calls");
        Function<String, NeedJudgement> cv =
                crossValidated(dictionary, dangerFirst, embedders, tuning, folds, foldModels, run, danger);
        print(tuning, t -> cv.apply(t).classification(), "labelled: tuning part (5-fold CV)");
        print(validation, t -> twoStage.classify(t).classification(), "labelled: validation part");
        dangerHints(validation, twoStage::classify, "validation part");
        secondLookHints(validation, dictionary, stage, "validation part");
        heldOutBatches(training, phrasings, dictionaryAlone, dictionary, dangerFirst, embedders, chosen, run, danger);
        embedders.save(CACHE, frozen.stream().map(LabelledCall::text).collect(Collectors.toSet()));
        if (!also.isEmpty()) {
            print(also, t -> twoStage.classify(t).classification(), "--also calls");
            dangerHints(also, twoStage::classify, "--also calls");
            secondLookHints(also, dictionary, stage, "--also calls");
            if (List.of(args).contains("--list-also")) {
                listWrong(also, dictionaryAlone, t -> twoStage.classify(t).classification());
            }
        }
        if (withFrozen) {
            print(frozen, t -> twoStage.classify(t).classification(), "frozen test set");
            dangerHints(frozen, twoStage::classify, "frozen test set");
            secondLookHints(frozen, dictionary, stage, "frozen test set");
        }
    }

    /**
     * The phrasings' batches written apart (source batch-N), each read by a model built without it: needs on calls of
     * writers the semantic stage has not learned from. The rules were tuned on these batches, so the dictionary-alone
     * figure flatters it.
     */
    private static void heldOutBatches(
            TrainingData training,
            List<LabelledCall> phrasings,
            Function<String, Classification> dictionaryAlone,
            NeedClassifier dictionary,
            DangerFirstNeed dangerFirst,
            CachingEmbedders embedders,
            NeedModel model,
            Settings run,
            DangerModel danger) {
        Map<String, Set<String>> batches = new TreeMap<>();
        for (LabelledText text : training.phrasings()) {
            if (text.source().startsWith("batch-")) {
                batches.computeIfAbsent(text.source(), b -> new HashSet<>()).add(text.id());
            }
        }
        List<LabelledCall> all = new ArrayList<>();
        Map<String, Classification> read = new HashMap<>();
        for (Map.Entry<String, Set<String>> batch : batches.entrySet()) {
            List<LabelledCall> calls = phrasings.stream()
                    .filter(c -> batch.getValue().contains(c.id()))
                    .toList();
            SemanticStage stage = new SemanticStage(run.classifier(embedders, model.without(batch.getValue())), danger);
            TwoStageClassifier classifier =
                    new TwoStageClassifier(dictionary, () -> Optional.of(stage), new EmbeddingBudget(1), dangerFirst);
            calls.forEach(c -> read.put(c.text(), classifier.classify(c.text()).classification()));
            all.addAll(calls);
            System.out.printf(
                    Locale.ROOT,
                    "  phrasings %s held out (%d calls): needs right %.1f%% with the dictionary alone, %.1f%% with both"
                            + " stages%n",
                    batch.getKey(),
                    calls.size(),
                    100 * EvaluationFigures.of(calls, dictionaryAlone).accuracy(),
                    100 * EvaluationFigures.of(calls, read::get).accuracy());
        }
        print(all, read::get, "phrasings' batches, each held out of the semantic stage (the rules were tuned on them)");
    }

    private static List<Set<String>> folds(List<LabelledCall> tuning) {
        List<Set<String>> folds = new java.util.ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            Set<String> ids = new HashSet<>();
            for (int i = fold; i < tuning.size(); i += FOLDS) {
                ids.add(tuning.get(i).id());
            }
            folds.add(ids);
        }
        return folds;
    }

    /**
     * The tuning part's calls, each read by a TwoStageClassifier whose semantic model was built without its fold
     * (and the danger model given).
     */
    private static Function<String, NeedJudgement> crossValidated(
            NeedClassifier dictionary,
            DangerFirstNeed dangerFirst,
            CachingEmbedders embedders,
            List<LabelledCall> tuning,
            List<Set<String>> folds,
            List<NeedModel> foldModels,
            Settings settings,
            DangerModel danger) {
        Map<String, TwoStageClassifier> byText = new HashMap<>();
        for (int fold = 0; fold < folds.size(); fold++) {
            SemanticStage stage = new SemanticStage(settings.classifier(embedders, foldModels.get(fold)), danger);
            TwoStageClassifier classifier =
                    new TwoStageClassifier(dictionary, () -> Optional.of(stage), new EmbeddingBudget(1), dangerFirst);
            for (LabelledCall call : tuning) {
                if (folds.get(fold).contains(call.id())) {
                    byText.put(call.text(), classifier);
                }
            }
        }
        return text -> byText.get(text).classify(text);
    }

    /**
     * --list-also: each --also call whose need or urgency both stages get wrong, with what the dictionary alone said
     * and the evidence, for whoever reads the misses of a new batch before tuning on it.
     */
    private static void listWrong(
            List<LabelledCall> calls,
            Function<String, Classification> dictionaryAlone,
            Function<String, Classification> bothStages) {
        System.out.println("--also calls that both stages get wrong (id, labelled, both stages, dictionary alone):");
        for (LabelledCall call : calls) {
            Classification both = bothStages.apply(call.text());
            if (both.primary() == call.need() && both.urgent() == call.urgent()) {
                continue;
            }
            Classification alone = dictionaryAlone.apply(call.text());
            System.out.printf(
                    Locale.ROOT,
                    "  %s  %s%s  both %s%s %.2f %s  dictionary %s %.2f %s%n    %s%n",
                    call.id(),
                    call.need(),
                    call.urgent() ? " URGENT" : "",
                    both.primary(),
                    both.urgent() ? " URGENT" : "",
                    both.confidence(),
                    both.evidence(),
                    alone.primary(),
                    alone.confidence(),
                    alone.urgencyEvidence(),
                    call.text());
        }
    }

    private static void print(List<LabelledCall> calls, Function<String, Classification> classifier, String label) {
        System.out.print(EvaluationFigures.of(calls, classifier).describe(label));
    }

    /**
     * The lowest threshold at which at most 1 in 10 non-urgent tuning calls the semantic stage reads would carry a
     * hint (cross-validated): the hint is for a person to look at, so it must stay rare enough to be read.
     */
    private static double chooseDangerThreshold(
            NeedClassifier dictionary,
            DangerFirstNeed dangerFirst,
            CachingEmbedders embedders,
            List<LabelledCall> tuning,
            List<Set<String>> folds,
            List<NeedModel> foldModels,
            Settings settings,
            Map<Double, DangerModel> dangers) {
        double chosen = DANGER[DANGER.length - 1];
        for (double t : DANGER) {
            Function<String, NeedJudgement> cv = crossValidated(
                    dictionary, dangerFirst, embedders, tuning, folds, foldModels, settings, dangers.get(t));
            int[] counts = hintCounts(tuning, cv);
            System.out.printf(
                    Locale.ROOT,
                    "  danger hint at %.2f (tuning CV): %d/%d urgent calls the rules missed get a hint, %d/%d"
                            + " non-urgent calls the semantic stage read%n",
                    t,
                    counts[0],
                    counts[1],
                    counts[2],
                    counts[3]);
            if (counts[2] <= counts[3] / 10 && t < chosen) {
                chosen = t;
            }
        }
        System.out.printf(Locale.ROOT, "Chosen danger hint threshold: %.2f%n", chosen);
        return chosen;
    }

    /**
     * Urgent calls the rules missed, and of them with a hint; non-urgent calls the semantic stage read (only
     * those can carry a hint), and of them with a hint.
     */
    private static int[] hintCounts(List<LabelledCall> calls, Function<String, NeedJudgement> classifier) {
        int missed = 0, missedHinted = 0, read = 0, hinted = 0;
        for (LabelledCall call : calls) {
            NeedJudgement judgement = classifier.apply(call.text());
            if (judgement.classification().urgent()) {
                continue;
            }
            boolean hint = judgement.dangerHint() != null;
            if (call.urgent()) {
                missed++;
                missedHinted += hint ? 1 : 0;
            } else if (judgement.modelVersion() != null) {
                read++;
                hinted += hint ? 1 : 0;
            }
        }
        return new int[] {missedHinted, missed, hinted, read};
    }

    /**
     * What the second look sees: every call the rules left NORMAL is embedded (off the request path) and may get a
     * hint, whichever stage decided its need.
     */
    private static void secondLookHints(
            List<LabelledCall> calls, NeedClassifier dictionary, SemanticStage stage, String label) {
        int missed = 0, missedHinted = 0, others = 0, othersHinted = 0;
        for (LabelledCall call : calls) {
            if (dictionary.classify(call.text()).urgent()) {
                continue;
            }
            boolean hint = stage.danger()
                    .hint(stage.needs().embedders().embed(call.text()))
                    .isPresent();
            if (call.urgent()) {
                missed++;
                missedHinted += hint ? 1 : 0;
            } else {
                others++;
                othersHinted += hint ? 1 : 0;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "  second look on the %s (every call the rules left NORMAL): %d/%d urgent calls the rules missed get a"
                        + " hint, %d/%d non-urgent calls%n",
                label,
                missedHinted,
                missed,
                othersHinted,
                others);
    }

    private static void dangerHints(
            List<LabelledCall> calls, Function<String, NeedJudgement> classifier, String label) {
        int[] counts = hintCounts(calls, classifier);
        System.out.printf(
                Locale.ROOT,
                "  danger hints on the %s: %d/%d urgent calls the rules missed get one, %d/%d non-urgent calls the"
                        + " semantic stage read%n",
                label,
                counts[0],
                counts[1],
                counts[2],
                counts[3]);
    }
}
