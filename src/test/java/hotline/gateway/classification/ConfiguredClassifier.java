package hotline.gateway.classification;

import hotline.gateway.classification.semantic.EmbeddingBudget;
import java.nio.file.Path;
import java.util.Optional;

/** The classifier as the gateway builds it from config/: the need dictionary with the danger taxonomy. */
public final class ConfiguredClassifier {

    public static final Path DICTIONARY = Path.of("config/need-dictionary.csv");
    public static final Path DANGER_TAXONOMY = Path.of("config/classification/danger-taxonomy.yml");

    private ConfiguredClassifier() {}

    public static NeedDictionary dictionary() {
        return NeedDictionary.load(DICTIONARY).with(DangerTaxonomy.load(DANGER_TAXONOMY));
    }

    public static DangerFirstNeed dangerFirstNeed() {
        return new DangerFirstNeed(DangerTaxonomy.load(DANGER_TAXONOMY));
    }

    /** As the gateway reads a call with the semantic stage off: the dictionary, then a danger's need first. */
    public static TwoStageClassifier withoutSemanticStage(DangerFirstNeed dangerFirst) {
        return new TwoStageClassifier(dictionaryStage(), Optional::empty, new EmbeddingBudget(1), dangerFirst);
    }

    public static NeedClassifier dictionaryStage() {
        return new NeedClassifier(dictionary());
    }
}
