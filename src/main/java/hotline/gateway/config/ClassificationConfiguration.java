package hotline.gateway.config;

import hotline.gateway.classification.ClassificationDesk;
import hotline.gateway.classification.ClassificationMethod;
import hotline.gateway.classification.DangerFirstNeed;
import hotline.gateway.classification.DangerLookRepository;
import hotline.gateway.classification.DangerSecondLook;
import hotline.gateway.classification.DangerTaxonomy;
import hotline.gateway.classification.ModelRepository;
import hotline.gateway.classification.NeedClassifier;
import hotline.gateway.classification.SemanticModels;
import hotline.gateway.classification.SemanticOutcome;
import hotline.gateway.classification.SemanticSettings;
import hotline.gateway.classification.TrainingData;
import hotline.gateway.classification.TwoStageClassifier;
import hotline.gateway.classification.semantic.BgeSmallEmbedders;
import hotline.gateway.classification.semantic.EmbeddingBudget;
import hotline.gateway.dispatch.DangerHintDispatch;
import hotline.gateway.json.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two classification stages. The sentence-embedding models load, and the active model version is read (or a
 * first one built), in the background after start: until then, and for good where the native runtime cannot load
 * or {@code hotline.classification.semantic.enabled} is false, the dictionary decides alone.
 */
@Configuration(proxyBeanMethods = false)
public class ClassificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClassificationConfiguration.class);

    private volatile Optional<BgeSmallEmbedders> embedders = Optional.empty();

    @Bean
    ModelRepository modelRepository(JdbcTemplate jdbc) {
        return new ModelRepository(jdbc);
    }

    @Bean
    EmbeddingBudget embeddingBudget(GatewayProperties properties) {
        int permits = properties.classification().semantic().permits();
        return new EmbeddingBudget(permits > 0 ? permits : Runtime.getRuntime().availableProcessors());
    }

    @Bean
    SemanticModels semanticModels(ModelRepository repository, GatewayProperties properties, Json json, Clock clock) {
        GatewayProperties.Semantic semantic = properties.classification().semantic();
        TrainingData training = TrainingData.load(
                semantic.needDescriptions(),
                semantic.labelledCalls(),
                semantic.dangerDescriptions(),
                semantic.dangerPhrasings());
        SemanticSettings settings = new SemanticSettings(
                semantic.minScore(),
                semantic.minMargin(),
                semantic.neighbours(),
                semantic.centroidWeight(),
                semantic.dangerThreshold(),
                semantic.dangerExampleMargin(),
                semantic.contestBelow(),
                semantic.contestMargin());
        return new SemanticModels(() -> embedders.map(e -> e), repository, training, settings, json, clock);
    }

    @Bean
    ClassificationDesk classificationDesk(SemanticModels models, GatewayProperties properties) {
        return new ClassificationDesk(
                models, properties.classification().semantic().enabled());
    }

    @Bean
    TwoStageClassifier twoStageClassifier(
            NeedClassifier dictionary,
            DangerTaxonomy dangerTaxonomy,
            SemanticModels models,
            EmbeddingBudget budget,
            GatewayProperties properties,
            MeterRegistry registry) {
        Gauge.builder("hotline.classification.semantic.budget.spent", budget, EmbeddingBudget::spentCount)
                .description("Requests that kept the dictionary's answer because every embedding permit was taken")
                .register(registry);
        boolean enabled = properties.classification().semantic().enabled();
        Map<ClassificationMethod, Map<SemanticOutcome, Counter>> counters = new EnumMap<>(ClassificationMethod.class);
        for (ClassificationMethod method : ClassificationMethod.values()) {
            Map<SemanticOutcome, Counter> byOutcome = new EnumMap<>(SemanticOutcome.class);
            for (SemanticOutcome outcome : SemanticOutcome.values()) {
                byOutcome.put(
                        outcome,
                        Counter.builder("hotline.classification.needs")
                                .description("Requests classified, by the stage that decided the need and what became"
                                        + " of the semantic stage")
                                .tag("method", method.name())
                                .tag("semantic", outcome.name())
                                .register(registry));
            }
            counters.put(method, byOutcome);
        }
        return new TwoStageClassifier(
                        dictionary,
                        enabled ? models::current : Optional::empty,
                        budget,
                        new DangerFirstNeed(dangerTaxonomy))
                .withObserver(judgement -> counters.get(judgement.method())
                        .get(judgement.semantic())
                        .increment());
    }

    @Bean
    DangerLookRepository dangerLookRepository(JdbcTemplate jdbc) {
        return new DangerLookRepository(jdbc);
    }

    @Bean
    DangerSecondLook dangerSecondLook(
            DangerLookRepository repository,
            JdbcTemplate jdbc,
            SemanticModels models,
            EmbeddingBudget budget,
            GatewayProperties properties,
            Json json,
            Clock clock,
            MeterRegistry registry) {
        GatewayProperties.Semantic semantic = properties.classification().semantic();
        DangerSecondLook look = new DangerSecondLook(
                repository,
                new DangerHintDispatch(jdbc, json),
                semantic.enabled() ? models::current : Optional::empty,
                budget,
                clock,
                semantic.secondLookWindow(),
                semantic.secondLookBatch());
        FunctionCounter.builder("hotline.classification.danger.second.look", look, DangerSecondLook::lookedCount)
                .description("Tickets the semantic stage looked at after intake (the dictionary was sure of them)")
                .register(registry);
        FunctionCounter.builder("hotline.classification.danger.second.look.hints", look, DangerSecondLook::hintCount)
                .description("Danger hints the second look gave")
                .register(registry);
        Gauge.builder("hotline.classification.danger.second.look.backlog", look, DangerSecondLook::backlog)
                .description("Recent normal-priority tickets waiting for the second look (read from the database)")
                .register(registry);
        return look;
    }

    /** Loads the models and the active version off the start-up path. */
    @EventListener(ApplicationReadyEvent.class)
    void loadSemanticStage(ApplicationReadyEvent event) {
        GatewayProperties properties = event.getApplicationContext().getBean(GatewayProperties.class);
        if (!properties.classification().semantic().enabled()) {
            log.info("Semantic stage switched off (hotline.classification.semantic.enabled=false): dictionary only");
            return;
        }
        SemanticModels models = event.getApplicationContext().getBean(SemanticModels.class);
        CompletableFuture.runAsync(() -> {
            BgeSmallEmbedders.LoadResult result = BgeSmallEmbedders.load();
            if (result.loaded().isEmpty()) {
                log.warn(
                        "Semantic stage cannot run here ({}): classifying with the need dictionary alone",
                        result.failure().orElse("unknown reason"));
                return;
            }
            if (result instanceof BgeSmallEmbedders.Loaded loaded) {
                loaded.shutdownHazard()
                        .ifPresent(reason -> log.warn(
                                "Semantic stage: a shutdown while a text is embedded may crash the JVM ({})", reason));
            }
            embedders = result.loaded();
            try {
                models.syncWithDatabase();
            } catch (RuntimeException e) {
                log.warn("Semantic stage: no model version could be loaded yet: {}", e.toString());
            }
        });
    }
}
