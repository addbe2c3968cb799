package hotline.gateway.classification;

import java.nio.file.Path;

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

    public static NeedClassifier dictionaryStage() {
        return new NeedClassifier(dictionary());
    }
}
