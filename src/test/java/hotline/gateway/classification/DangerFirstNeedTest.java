package hotline.gateway.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The need a danger category names comes first when that danger made the call urgent, and only then. */
class DangerFirstNeedTest {

    private static final DangerTaxonomy TAXONOMY = DangerTaxonomy.parse(new StringReader("""
            categories:
              gas:
                primary-need: EMERGENCY
                alone: {zh: ["煤气味"], en: ["smell of gas"]}
              child_or_dependent_alone:
                with-cue: {en: ["home alone"]}
            immediacy: {en: ["right now"]}
            resolved: {en: ["last year"]}
            """), "test.yml");

    private static final NeedClassifier DICTIONARY =
            new NeedClassifier(NeedDictionary.parse(new StringReader("""
                    ELDERLY_CARE,3,lives alone
                    CHILD_WELFARE,3,child
                    HOUSING,3,rent arrears
                    """)).with(TAXONOMY));

    private static final DangerFirstNeed DANGER_FIRST = new DangerFirstNeed(TAXONOMY);

    private static Classification read(String text) {
        return DANGER_FIRST.apply(DICTIONARY.classify(text));
    }

    @Test
    void aDangerOfACategoryThatNamesANeedPutsItFirstAndKeepsTheNeedRead() {
        Classification c = read("my father lives alone and there is a smell of gas on his landing");
        assertThat(c.primary()).isEqualTo(NeedCode.EMERGENCY);
        assertThat(c.all()).containsExactly(NeedCode.EMERGENCY, NeedCode.ELDERLY_CARE);
        assertThat(c.evidence()).containsExactly("smell of gas", "lives alone");
        assertThat(c.confidence()).isEqualTo(1.0);
        assertThat(c.urgent()).isTrue();
        assertThat(c.urgencyEvidence()).containsExactly("smell of gas");
    }

    @Test
    void aCallInTriageThatTheDangerMadeUrgentGoesToItsNeed() {
        assertThat(DICTIONARY.classify("煤气味好重").primary()).isEqualTo(NeedCode.OTHER);
        Classification c = read("煤气味好重");
        assertThat(c.primary()).isEqualTo(NeedCode.EMERGENCY);
        assertThat(c.all()).containsExactly(NeedCode.EMERGENCY);
    }

    @Test
    void aCategoryThatNamesNoNeedLeavesTheNeedReadFirst() {
        Classification before = DICTIONARY.classify("a child is home alone right now");
        assertThat(before.urgent()).isTrue();
        assertThat(before.primary()).isEqualTo(NeedCode.CHILD_WELFARE);
        assertThat(DANGER_FIRST.apply(before)).isSameAs(before);
    }

    @Test
    void aCallThatIsNotUrgentOrAlreadyHasTheNeedIsReturnedAsItIs() {
        Classification past = DICTIONARY.classify("rent arrears; last year there was a smell of gas");
        assertThat(past.urgent()).isFalse();
        assertThat(DANGER_FIRST.apply(past)).isSameAs(past);
        Classification already = new Classification(
                NeedCode.EMERGENCY, List.of(NeedCode.EMERGENCY), 0.9, List.of(), true, List.of("煤气味"));
        assertThat(DANGER_FIRST.apply(already)).isSameAs(already);
        Classification c = DICTIONARY.classify("煤气味好重");
        assertThat(DangerFirstNeed.NONE.apply(c)).isSameAs(c);
    }
}
