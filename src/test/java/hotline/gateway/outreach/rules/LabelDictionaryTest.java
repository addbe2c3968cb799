package hotline.gateway.outreach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped dictionary and what a broken file is told. */
class LabelDictionaryTest {

    static final Map<String, BigDecimal> VALUES = Map.of(
            "subsistence_standard", new BigDecimal("1330"),
            "minor_standard", new BigDecimal("1730"),
            "low_income_line", new BigDecimal("2660"),
            "subdistrict_line", new BigDecimal("3990"));

    @Test
    void theShippedDictionaryHasTheDifficultFamiliesAndTwentyLabelsOverFiveDepartments() {
        LabelDictionary dictionary = LabelDictionary.load(Path.of("config/labels"), VALUES);

        assertThat(dictionary.codes()).contains("DIBAO", "LOW_INCOME", "TEKUN", "EXPENDITURE_POVERTY");
        assertThat(dictionary.codes()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(dictionary.labels().stream().map(LabelDefinition::department))
                .anyMatch(d -> d.contains("civil-affairs"))
                .anyMatch(d -> d.contains("health"))
                .anyMatch(d -> d.contains("hr-social-security"))
                .anyMatch(d -> d.contains("education"))
                .anyMatch(d -> d.contains("disability"));
        assertThat(dictionary.combinations()).isNotEmpty();
    }

    @Test
    void aDistrictsDefinitionReplacesTheCitysInsideItsArea() {
        LabelDictionary dictionary = LabelDictionary.load(Path.of("config/labels"), VALUES);

        SqlPredicate labels = dictionary.labelArray(LabelSubject.PERSON, VALUES);

        assertThat(labels.sql()).contains("CASE WHEN h.district_code = CAST(? AS text) THEN");
        assertThat(labels.params()).contains("310104", "ELDERLY_ALONE", new BigDecimal("70"), new BigDecimal("60"));
        assertThat(dictionary.label("ELDERLY_ALONE").level()).isEqualTo(LabelLevel.CITY);
    }

    @Test
    void aBrokenFileIsNamedWithItsEntry(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("town.yml"), """
                labels:
                  - {code: OK_LABEL, zh: 好, en: ok, department: population, level: city, subject: person, rule: age > 1}
                  - {code: BAD, zh: 坏, en: bad, department: population, level: sub-district, area: "3101", rule: household.size > 1}
                """);
        assertThatThrownBy(() -> LabelDictionary.load(dir, VALUES))
                .hasMessageContaining("town.yml: labels[1].area")
                .hasMessageContaining("9 digits");

        Files.writeString(dir.resolve("town.yml"), """
                labels:
                  - {code: BAD, zh: 坏, en: bad, department: population, level: city, subject: household, rule: household.sise > 1}
                """);
        assertThatThrownBy(() -> LabelDictionary.load(dir, VALUES))
                .hasMessageContaining("town.yml: labels[0].rule: unknown name 'household.sise'");
    }
}
