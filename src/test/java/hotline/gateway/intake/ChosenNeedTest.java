package hotline.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.classification.Classification;
import hotline.gateway.classification.ClassificationMethod;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.classification.NeedJudgement;
import hotline.gateway.classification.SemanticOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChosenNeedTest {

    static NeedJudgement read(NeedCode primary, List<NeedCode> all, boolean urgent) {
        return NeedJudgement.dictionary(
                new Classification(primary, all, 0.82, List.of("噪音", "扰民"), urgent, urgent ? List.of("晕倒") : List.of()),
                SemanticOutcome.NOT_NEEDED);
    }

    @Test
    void theChosenNeedIsPrimaryAndTheClassifiersOtherReadingIsKeptAsEvidence() {
        NeedJudgement chosen = ChosenNeed.apply(
                read(NeedCode.URBAN_MANAGEMENT, List.of(NeedCode.URBAN_MANAGEMENT, NeedCode.HOUSING), true),
                NeedCode.SUBSISTENCE);
        Classification c = chosen.classification();
        assertThat(chosen.method()).isEqualTo(ClassificationMethod.SERVICE_CODE);
        assertThat(c.primary()).isEqualTo(NeedCode.SUBSISTENCE);
        assertThat(c.all()).containsExactly(NeedCode.SUBSISTENCE, NeedCode.URBAN_MANAGEMENT, NeedCode.HOUSING);
        assertThat(c.evidence()).containsExactly("classifier read URBAN_MANAGEMENT (0.82, DICTIONARY)", "噪音", "扰民");
        assertThat(c.urgent()).isTrue();
        assertThat(c.urgencyEvidence()).containsExactly("晕倒");
        assertThat(c.confidence()).isEqualTo(1.0);
    }

    @Test
    void agreementAddsNothingAndTriageIsDropped() {
        NeedJudgement same = ChosenNeed.apply(
                read(NeedCode.HOUSING, List.of(NeedCode.HOUSING, NeedCode.SUBSISTENCE), false), NeedCode.HOUSING);
        assertThat(same.classification().evidence()).containsExactly("噪音", "扰民");
        assertThat(same.classification().all()).containsExactly(NeedCode.HOUSING, NeedCode.SUBSISTENCE);

        NeedJudgement fromTriage =
                ChosenNeed.apply(read(NeedCode.OTHER, List.of(NeedCode.OTHER), false), NeedCode.ELDERLY_CARE);
        assertThat(fromTriage.classification().all()).containsExactly(NeedCode.ELDERLY_CARE);
        assertThat(fromTriage.classification().evidence().get(0)).isEqualTo("classifier read OTHER (0.82, DICTIONARY)");
    }
}
