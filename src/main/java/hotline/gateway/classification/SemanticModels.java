package hotline.gateway.classification;

import hotline.gateway.classification.semantic.DangerExamples;
import hotline.gateway.classification.semantic.DangerModel;
import hotline.gateway.classification.semantic.Embedders;
import hotline.gateway.classification.semantic.LabelledText;
import hotline.gateway.classification.semantic.NeedModel;
import hotline.gateway.classification.semantic.SemanticClassifier;
import hotline.gateway.classification.semantic.SemanticVerdict;
import hotline.gateway.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The semantic stage's model versions. Every instance uses the version the database marks active, so all classify
 * alike; a refresh builds a new version from the need descriptions, the labelled calls' tuning part and the desks'
 * corrections still kept, judges it on the validation part (never on the frozen test set), and takes it into use
 * only when no need's recall drops. Without an active version (a first start) the first refresh's is taken.
 */
public final class SemanticModels {

    private static final Logger log = LoggerFactory.getLogger(SemanticModels.class);

    private final Supplier<Optional<Embedders>> embedders;
    private final ModelRepository repository;
    private final TrainingData training;
    private final SemanticSettings settings;
    private final Json json;
    private final Clock clock;
    private final AtomicReference<SemanticStage> current = new AtomicReference<>();
    private volatile DangerModel danger;

    /** @param embedders the loaded models, empty while loading or when they cannot run here */
    public SemanticModels(
            Supplier<Optional<Embedders>> embedders,
            ModelRepository repository,
            TrainingData training,
            SemanticSettings settings,
            Json json,
            Clock clock) {
        this.embedders = embedders;
        this.repository = repository;
        this.training = training;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** The stage in use now; empty until a version is loaded. */
    public Optional<SemanticStage> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * Loads the active version when it is not the one in use (cheap when it is: one indexed read); builds and
     * activates a first version when the database has none. Empty when the models cannot run here.
     */
    public synchronized Optional<String> syncWithDatabase() {
        Optional<Embedders> models = embedders.get();
        if (models.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> active = repository.activeVersion();
        if (active.isEmpty()) {
            ModelRefresh first = refresh();
            return Optional.ofNullable(first.activeVersion());
        }
        SemanticStage inUse = current.get();
        if (inUse == null || !inUse.version().equals(active.get())) {
            repository.active().ifPresent(stored -> {
                NeedModel model = NeedModel.fromBytes(stored.model(), settings.neighbours(), settings.centroidWeight());
                install(models.get(), model);
                log.info("Semantic stage: using model version {} ({} examples)", model.version(), model.size());
            });
        }
        return active;
    }

    /** The scheduled refresh: nothing where the models cannot run (or are not loaded yet). */
    public Optional<ModelRefresh> refreshIfAvailable() {
        return embedders.get().isPresent() ? Optional.of(refresh()) : Optional.empty();
    }

    /** Builds a version from what the city has labelled now, judges it and takes it into use if it is no worse. */
    public synchronized ModelRefresh refresh() {
        Embedders models = embedders.get().orElseThrow(() -> new IllegalStateException("the models cannot run here"));
        Instant now = clock.instant();
        List<LabelledText> examples = new ArrayList<>(training.learnedFrom());
        examples.addAll(repository.corrections(now));
        NeedModel candidate = NeedModel.build(models, examples, settings.neighbours(), settings.centroidWeight());
        Map<NeedCode, Double> candidateRecall = recall(models, candidate);
        Optional<ModelRepository.StoredModel> active = repository.active();
        Map<NeedCode, Double> activeRecall = active.map(stored -> recall(
                        models, NeedModel.fromBytes(stored.model(), settings.neighbours(), settings.centroidWeight())))
                .orElse(Map.of());
        String reason = gate(candidateRecall, activeRecall, active.isPresent());
        boolean take = reason == null;
        Map<String, Object> evaluation = new LinkedHashMap<>();
        evaluation.put("validationRecall", candidateRecall);
        evaluation.put("activeRecall", activeRecall);
        evaluation.put("activated", take);
        evaluation.put("reason", take ? "no need's recall dropped" : reason);
        repository.save(candidate.version(), candidate.toBytes(), candidate.size(), json.write(evaluation), now);
        if (take) {
            repository.activate(candidate.version(), now);
            install(models, candidate);
        }
        String inUse = take
                ? candidate.version()
                : active.map(ModelRepository.StoredModel::version).orElse(null);
        log.info(
                "Semantic model refresh: version {} from {} examples {}",
                candidate.version(),
                candidate.size(),
                take ? "taken into use" : "kept aside: " + reason);
        return new ModelRefresh(
                candidate.version(),
                candidate.size(),
                take,
                inUse,
                take ? "no need's recall dropped on the validation part" : reason,
                candidateRecall,
                activeRecall);
    }

    /** Null when the candidate may be used: no need's recall on the validation part is below the active one's. */
    static String gate(Map<NeedCode, Double> candidate, Map<NeedCode, Double> active, boolean hasActive) {
        if (!hasActive) {
            return null;
        }
        for (Map.Entry<NeedCode, Double> entry : active.entrySet()) {
            double now = candidate.getOrDefault(entry.getKey(), 0.0);
            if (now < entry.getValue() - 1e-9) {
                return "recall of " + entry.getKey() + " would drop from " + entry.getValue() + " to " + now;
            }
        }
        return null;
    }

    /** Per need, the share of the validation part's calls of that need the model decides rightly. */
    private Map<NeedCode, Double> recall(Embedders models, NeedModel model) {
        SemanticClassifier classifier = settings.classifier(models, model);
        Map<NeedCode, int[]> counts = new EnumMap<>(NeedCode.class);
        for (LabelledText call : training.validation()) {
            SemanticVerdict verdict = classifier.classify(call.text());
            int[] c = counts.computeIfAbsent(call.need(), n -> new int[2]);
            c[1]++;
            boolean right = call.need() == NeedCode.OTHER
                    ? !verdict.decided()
                    : verdict.decided() && verdict.best() == call.need();
            c[0] += right ? 1 : 0;
        }
        Map<NeedCode, Double> recall = new EnumMap<>(NeedCode.class);
        counts.forEach((need, c) -> recall.put(need, Math.round(1000.0 * c[0] / c[1]) / 1000.0));
        return recall;
    }

    private void install(Embedders models, NeedModel model) {
        if (danger == null) {
            DangerModel descriptions = DangerModel.build(models, training.dangers(), settings.dangerThreshold());
            danger = training.phrasings().isEmpty()
                    ? descriptions
                    : descriptions.withExamples(
                            DangerExamples.build(
                                    models, training.dangerExamples(), settings.neighbours(), model::storedVector),
                            settings.dangerExampleMargin());
        }
        current.set(new SemanticStage(settings.classifier(models, model), danger));
    }
}
