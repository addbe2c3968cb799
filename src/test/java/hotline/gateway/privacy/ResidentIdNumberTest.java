package hotline.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"310107196803119049", "310113196509271266", "11010519491231002X", "11010519491231002x"})
    void acceptsNumbersWithTheRightCheckCharacter(String id) {
        assertThat(ResidentIdNumber.problem(id)).isNull();
        assertThat(ResidentIdNumber.isValid(id)).isTrue();
    }

    @Test
    void computesTheIso7064CheckCharacter() {
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.checkCharacter("31010719680311904")).isEqualTo('9');
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertThat(ResidentIdNumber.problem("310107196803119048")).contains("check digit");
    }

    @Test
    void rejectsWrongLengthLettersAndImpossibleBirthDates() {
        assertThat(ResidentIdNumber.problem("31010719680311904")).contains("18 characters");
        assertThat(ResidentIdNumber.problem("3101071968031190491")).contains("18 characters");
        assertThat(ResidentIdNumber.problem("31010719680311A049")).contains("digits");
        assertThat(ResidentIdNumber.problem("31010719680311904Y")).contains("digit or X");
        // 1968-02-30 does not exist; the check digit is made right so that only the date is wrong.
        String badDate = "31010719680230904";
        assertThat(ResidentIdNumber.problem(badDate + ResidentIdNumber.checkCharacter(badDate)))
                .contains("birth date");
        assertThat(ResidentIdNumber.isValid(null)).isFalse();
    }
}
