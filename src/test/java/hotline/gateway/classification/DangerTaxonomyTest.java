package hotline.gateway.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DangerTaxonomyTest {

    private static DangerTaxonomy parse(String yaml) {
        return DangerTaxonomy.parse(new StringReader(yaml), "test.yml");
    }

    private static final String SMALL = """
            categories:
              gas:
                name: {zh: "燃气", en: "gas"}
                alone: {zh: ["煤气味"], en: ["smell of gas"]}
                with-cue: {en: ["gas"]}
            immediacy: {zh: ["现在"], en: ["right now"]}
            resolved: {zh: ["已修好", "上周"]}
            """;

    @Test
    void termsBecomeUrgentImmediacyAndResolvedTermsWithTheirCategory() {
        DangerTaxonomy taxonomy = parse(SMALL);
        assertThat(taxonomy.terms())
                .extracting(DictionaryTerm::kind, DictionaryTerm::weight, DictionaryTerm::term)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TermKind.URGENT, 1.0, "煤气味"),
                        org.assertj.core.groups.Tuple.tuple(TermKind.URGENT, 1.0, "smell of gas"),
                        org.assertj.core.groups.Tuple.tuple(TermKind.URGENT, 0.5, "gas"),
                        org.assertj.core.groups.Tuple.tuple(TermKind.NOW, 1.0, "现在"),
                        org.assertj.core.groups.Tuple.tuple(TermKind.NOW, 1.0, "right now"),
                        org.assertj.core.groups.Tuple.tuple(TermKind.RESOLVED, 1.0, "已修好"),
                        org.assertj.core.groups.Tuple.tuple(TermKind.RESOLVED, 1.0, "上周"));
        assertThat(taxonomy.categoryOf("SMELL OF GAS")).isEqualTo("gas");
        assertThat(taxonomy.name("gas", "zh")).isEqualTo("燃气");
    }

    @Test
    void aWithCueTermNeedsACueAndAResolvedClauseSilencesDanger() {
        NeedClassifier classifier =
                new NeedClassifier(NeedDictionary.parse(new StringReader("")).with(parse(SMALL)));
        assertThat(classifier.classify("楼道里有煤气味").urgent()).isTrue();
        assertThat(classifier.classify("the gas bill is high").urgent()).isFalse();
        assertThat(classifier.classify("there is gas right now").urgent()).isTrue();
        assertThat(classifier.classify("上周有煤气味").urgent()).isFalse();
    }

    private static final String WITH_PERSONS = """
            categories:
              fire_smoke:
                alone: {zh: ["着火"]}
                with-cue: {zh: ["冒烟", "烧黑"], en: ["smoke"]}
              child_or_dependent_alone:
                with-cue: {zh: ["关在车里"], en: ["in a parked car"]}
            immediacy: {zh: ["现在"], en: ["now"]}
            vulnerable: {zh: ["婴儿"], en: ["baby"]}
            resolved: {zh: ["去年"], en: ["last year"]}
            """;

    @Test
    void aVulnerablePersonCompletesAWithCueDangerButIsNeverUrgentAlone() {
        NeedClassifier classifier =
                new NeedClassifier(NeedDictionary.parse(new StringReader("")).with(parse(WITH_PERSONS)));
        assertThat(parse(WITH_PERSONS).terms())
                .filteredOn(t -> t.kind() == TermKind.VULNERABLE)
                .extracting(DictionaryTerm::term)
                .containsExactly("婴儿", "baby");
        Classification baby = classifier.classify("停车场有个婴儿关在车里");
        assertThat(baby.urgent()).isTrue();
        assertThat(baby.urgencyEvidence()).containsExactly("婴儿", "关在车里");
        assertThat(classifier.classify("a baby in a parked car, windows shut").urgent())
                .isTrue();
        assertThat(classifier.classify("婴儿奶粉补贴怎么申请").urgent()).isFalse();
        assertThat(classifier.classify("楼下有人在车里抽烟冒烟").urgent()).isFalse();
    }

    @Test
    void aNeutralWordHidesTheShorterTermInsideItAndCountsForNothing() {
        DangerTaxonomy taxonomy = parse("""
                categories:
                  child_or_dependent_alone:
                    with-cue: {zh: ["锁在家里"]}
                immediacy: {zh: ["现在"]}
                vulnerable: {zh: ["五岁"]}
                resolved: {zh: ["去年"]}
                neutral: {zh: ["十五岁"]}
                """);
        assertThat(taxonomy.terms())
                .filteredOn(t -> t.kind() == TermKind.NEUTRAL)
                .extracting(DictionaryTerm::term)
                .containsExactly("十五岁");
        NeedClassifier classifier =
                new NeedClassifier(NeedDictionary.parse(new StringReader("")).with(taxonomy));
        Classification five = classifier.classify("孩子五岁，锁在家里");
        assertThat(five.urgent()).isTrue();
        assertThat(five.urgencyEvidence()).containsExactly("五岁", "锁在家里");
        // fifteen is not five: the neutral word hides 五岁 and adds nothing
        assertThat(classifier.classify("孩子十五岁，锁在家里").urgent()).isFalse();
        assertThat(classifier.classify("孩子十五岁，现在锁在家里").urgent()).isTrue();
    }

    @Test
    void aResolvedCueSilencesTheRestOfItsSentenceUntilSomethingHappensNow() {
        NeedClassifier classifier =
                new NeedClassifier(NeedDictionary.parse(new StringReader("")).with(parse(WITH_PERSONS)));
        // the fire was last year: the blackened kitchen in the next clause is part of it
        assertThat(classifier.classify("去年着过一次火，厨房都烧黑了，想申请修缮").urgent()).isFalse();
        // a cue of now after it starts what is happening today
        assertThat(classifier.classify("去年着过一次火，现在又冒烟了").urgent()).isTrue();
        assertThat(classifier
                        .classify("last year there was a fire, and there is smoke in the hall now")
                        .urgent())
                .isTrue();
        // a new sentence is not silenced
        assertThat(classifier.classify("去年着过一次火。厨房又冒烟了，婴儿在家").urgent()).isTrue();
    }

    @Test
    void aBrokenFileIsNamedWithItsEntry() {
        assertThatThrownBy(() -> parse("categories: {gas: {alone: {fr: [\"gaz\"]}}}\nimmediacy: {}\nresolved: {}"))
                .hasMessageContaining("test.yml: categories.gas.alone.fr: unknown language");
        assertThatThrownBy(() -> parse("categories: {gas: {alon: {zh: [\"x\"]}}}\nimmediacy: {}\nresolved: {}"))
                .hasMessageContaining("categories.gas.alon: unknown entry");
        assertThatThrownBy(() -> parse(SMALL + "immediacy: {zh: [\"现在\"]}\n"))
                .hasMessageContaining("Duplicate field 'immediacy'");
    }

    @Test
    void aTermInTheDictionaryAndTheTaxonomyIsRefused() {
        NeedDictionary csv = NeedDictionary.parse(new StringReader("URGENT,1.0,煤气味\n"));
        assertThatThrownBy(() -> csv.with(parse(SMALL))).hasMessageContaining("'煤气味' for URGENT is listed twice");
    }

    @Test
    void theShippedTaxonomyCoversEveryCategoryInBothLanguages() {
        DangerTaxonomy taxonomy = DangerTaxonomy.load(ConfiguredClassifier.DANGER_TAXONOMY);
        assertThat(taxonomy.categories())
                .containsExactlyInAnyOrder(
                        "violence",
                        "fire_smoke",
                        "gas",
                        "electricity",
                        "water_flood",
                        "collapse",
                        "fall_injury",
                        "self_harm",
                        "child_or_dependent_alone",
                        "missing_dementia",
                        "no_food_water_heat_shelter",
                        "medical_crisis");
    }

    @Test
    void aCategoryMayNameTheNeedThatComesFirstAndOnlyARealNeed() {
        DangerTaxonomy taxonomy = parse("""
                categories:
                  gas:
                    primary-need: EMERGENCY
                    alone: {zh: ["煤气味"]}
                  child_or_dependent_alone:
                    with-cue: {en: ["home alone"]}
                immediacy: {en: ["now"]}
                resolved: {en: ["last year"]}
                """);
        assertThat(taxonomy.primaryNeed("gas")).contains(NeedCode.EMERGENCY);
        assertThat(taxonomy.primaryNeed("child_or_dependent_alone")).isEmpty();
        assertThat(taxonomy.primaryNeed(null)).isEmpty();
        for (String bad : new String[] {"EMERGENCIES", "OTHER", "[EMERGENCY]"}) {
            assertThatThrownBy(() -> parse("""
                            categories:
                              gas:
                                primary-need: %s
                                alone: {zh: ["煤气味"]}
                            immediacy: {en: ["now"]}
                            resolved: {en: ["last year"]}
                            """.formatted(bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("categories.gas.primary-need")
                    .hasMessageContaining("is not a need code");
        }
    }

    @Test
    void theShippedTaxonomyPutsEmergencyFirstForImmediateHazardsOnly() {
        DangerTaxonomy taxonomy = DangerTaxonomy.load(ConfiguredClassifier.DANGER_TAXONOMY);
        for (String hazard : List.of("violence", "fire_smoke", "gas", "electricity", "water_flood", "self_harm")) {
            assertThat(taxonomy.primaryNeed(hazard)).as(hazard).contains(NeedCode.EMERGENCY);
        }
        for (String person : List.of(
                "collapse",
                "fall_injury",
                "child_or_dependent_alone",
                "missing_dementia",
                "no_food_water_heat_shelter",
                "medical_crisis")) {
            assertThat(taxonomy.primaryNeed(person)).as(person).isEmpty();
        }
    }
}
