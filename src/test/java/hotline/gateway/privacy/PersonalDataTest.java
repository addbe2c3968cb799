package hotline.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void masksNamesPhonesAndIdNumbers() {
        assertThat(PersonalData.maskName("韩桂芳")).isEqualTo("韩**");
        assertThat(PersonalData.maskName("Li")).isEqualTo("L*");
        assertThat(PersonalData.maskPhone("13201501449")).isEqualTo("132****1449");
        assertThat(PersonalData.maskIdNumber("310107196803119049")).isEqualTo("310***********9049");
        assertThat(PersonalData.maskIdNumber("310107196803119049")).doesNotContain("19680311");
    }

    @Test
    void masksNumbersInsideFreeText() {
        String text = "caller 13201501449, id 310107196803119049, landline 021-64581234, order 12345";
        String masked = PersonalData.maskText(text);
        assertThat(masked)
                .doesNotContain("13201501449", "310107196803119049", "64581234")
                .contains("132****1449", "310***********9049", "order 12345");
    }

    @Test
    void leavesTextWithoutNumbersAlone() {
        String text = "Outbox relay delivering again";
        assertThat(PersonalData.maskText(text)).isSameAs(text);
    }
}
