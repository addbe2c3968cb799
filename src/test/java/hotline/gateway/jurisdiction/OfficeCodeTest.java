package hotline.gateway.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OfficeCodeTest {

    private static OfficeCode code(String value) {
        return new OfficeCode(value);
    }

    @Test
    void knowsItsKind() {
        assertThat(code("310104003").kind()).isEqualTo(OfficeCode.Kind.TOWN);
        assertThat(code("310104").kind()).isEqualTo(OfficeCode.Kind.DISTRICT_DESK);
        assertThat(code("city").kind()).isEqualTo(OfficeCode.Kind.CITY_DESK);
        assertThat(code("hotline").kind()).isEqualTo(OfficeCode.Kind.HOTLINE);
    }

    @Test
    void refusesWhatIsNoOfficeCode() {
        for (String bad : new String[] {"", "31010400", "3101040031", "CITY", "desk-city", "31010a", " 310104"}) {
            assertThat(OfficeCode.parse(bad)).as(bad).isEmpty();
            assertThatThrownBy(() -> code(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(OfficeCode.parse(null)).isEmpty();
    }

    @Test
    void aDeskCoversItsTownsAndTheCityAndHotlineCoverAll() {
        assertThat(code("310104003").covers(code("310104003"))).isTrue();
        assertThat(code("310104003").covers(code("310104004"))).isFalse();
        assertThat(code("310104003").covers(code("310104"))).isFalse();
        assertThat(code("310104").covers(code("310104003"))).isTrue();
        assertThat(code("310104").covers(code("310104"))).isTrue();
        assertThat(code("310104").covers(code("310101002"))).isFalse();
        assertThat(code("310104").covers(OfficeCode.CITY)).isFalse();
        assertThat(OfficeCode.CITY.covers(code("310101002"))).isTrue();
        assertThat(OfficeCode.HOTLINE.covers(code("310104"))).isTrue();
    }

    @Test
    void isWrittenAsItsPlainCode() throws Exception {
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(code("310104")))
                .isEqualTo("\"310104\"");
    }
}
