package hotline.gateway.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken criteria file stops the start, with a message naming the file and the entry. */
class CriteriaFilesTest {

    private static final String SUBSISTENCE = """
            programs:
              SUBSISTENCE_ALLOWANCE:
                name: 低保
                needs: [SUBSISTENCE]
                parameters:
                  income-standard:
                    - from: 2020-04-01
                      value: 1240
                    - from: 2021-07-01
                      value: 1330
                  minor-income-standard:
                    - {from: 2020-04-01, value: 1615}
                  minor-age:
                    - {from: 2020-04-01, value: 18}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private String failure(String content) throws IOException {
        Path file = write("subsistence.yml", content);
        return assertThatThrownBy(() -> CriteriaFiles.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": ")
                .actual()
                .getMessage();
    }

    @Test
    void aWellFormedFileLoadsWithAVersionThatChangesWithItsContent() throws IOException {
        write("subsistence.yml", SUBSISTENCE);
        Criteria criteria = CriteriaFiles.load(dir);
        assertThat(criteria.version()).matches("[0-9a-f]{12}");
        assertThat(CriteriaFiles.load(dir).version()).isEqualTo(criteria.version());
        assertThat(criteria.document()
                        .at("/files/subsistence.yml/programs/SUBSISTENCE_ALLOWANCE/name")
                        .asText())
                .isEqualTo("低保");
        assertThat(criteria.inForce(LocalDate.of(2021, 7, 1))
                        .programs()
                        .get(0)
                        .parameters()
                        .get("income-standard")
                        .value())
                .isEqualByComparingTo("1330");

        write("subsistence.yml", SUBSISTENCE.replace("1330", "1331"));
        assertThat(CriteriaFiles.load(dir).version()).isNotEqualTo(criteria.version());
    }

    @Test
    void aMissingStartDateIsNamed() throws IOException {
        assertThat(failure(SUBSISTENCE.replace("- from: 2021-07-01\n", "- note: no date\n")))
                .endsWith("programs.SUBSISTENCE_ALLOWANCE.parameters.income-standard[1]: start date missing");
    }

    @Test
    void aDuplicatePeriodIsNamed() throws IOException {
        assertThat(failure(SUBSISTENCE.replace("2021-07-01", "2020-04-01")))
                .endsWith("programs.SUBSISTENCE_ALLOWANCE.parameters.income-standard[1]: duplicate period: start date "
                        + "2020-04-01 also at [0]");
    }

    @Test
    void overlappingPeriodsAreNamed() throws IOException {
        assertThat(failure(SUBSISTENCE.replace("value: 1240", "value: 1240\n          until: 2021-07-31")))
                .endsWith("programs.SUBSISTENCE_ALLOWANCE.parameters.income-standard[1]: overlapping periods: starts "
                        + "2021-07-01 while [0] runs until 2021-07-31");
    }

    @Test
    void valuesOutOfOrderAreNamed() throws IOException {
        assertThat(failure(SUBSISTENCE.replace("2021-07-01", "2019-07-01")))
                .endsWith("income-standard[1]: start date 2019-07-01 is before that of [0]; list values oldest first");
    }

    @Test
    void aNegativeAmountIsNamed() throws IOException {
        assertThat(failure(SUBSISTENCE.replace("1330", "-1330")))
                .endsWith("programs.SUBSISTENCE_ALLOWANCE.parameters.income-standard[1]: value -1330 is negative");
    }

    @Test
    void anUnknownProgramIsNamed() throws IOException {
        assertThat(failure(SUBSISTENCE.replace("SUBSISTENCE_ALLOWANCE:", "BASIC_INCOME:")))
                .contains(": programs.BASIC_INCOME: unknown program (known: [SUBSISTENCE_ALLOWANCE, ");
    }

    @Test
    void anUnknownNeedIsNamed() throws IOException {
        assertThat(failure(SUBSISTENCE.replace("[SUBSISTENCE]", "[SUBSISTENCE, POVERTY]")))
                .contains(": programs.SUBSISTENCE_ALLOWANCE.needs[1]: unknown need POVERTY");
    }

    @Test
    void unreadableYamlIsNamedWithItsLine() throws IOException {
        assertThat(failure(SUBSISTENCE.replace("    needs: [SUBSISTENCE]", "    needs: [SUBSISTENCE")))
                .contains(": unreadable YAML at line ");
        assertThat(failure(SUBSISTENCE + "  SUBSISTENCE_ALLOWANCE: {}\n"))
                .contains(": unreadable YAML")
                .contains("Duplicate field 'SUBSISTENCE_ALLOWANCE'");
    }

    @Test
    void aValueThatIsNotANumberOrADateIsNamed() throws IOException {
        assertThat(failure(SUBSISTENCE.replace("1330", "lots")))
                .endsWith("income-standard[1]: value lots is not a number");
        assertThat(failure(SUBSISTENCE.replace("2021-07-01", "1 July 2021")))
                .endsWith("income-standard[1]: start date '1 July 2021' is not a date (YYYY-MM-DD)");
        assertThat(failure(SUBSISTENCE.replace("value: 1330", "vaule: 1330")))
                .endsWith("income-standard[1]: unknown key 'vaule' (known: from, illustrative, note, until, value)");
    }

    @Test
    void missingAndUnknownParametersAreNamed() throws IOException {
        assertThat(failure(SUBSISTENCE.replace("minor-age:", "minor-years:")))
                .contains("programs.SUBSISTENCE_ALLOWANCE.parameters.minor-years: unknown parameter "
                        + "(SUBSISTENCE_ALLOWANCE reads: income-standard, minor-income-standard, minor-age)");
        assertThat(failure(SUBSISTENCE.replace("minor-age:\n        - {from: 2020-04-01, value: 18}\n", "")))
                .endsWith("programs.SUBSISTENCE_ALLOWANCE.parameters.minor-age: missing");
    }

    @Test
    void aProgramReadingAnotherThatNoFileDefinesIsNamed() throws IOException {
        Path file = write("low-income.yml", """
                programs:
                  LOW_INCOME_FAMILY:
                    name: 低收入
                    needs: [SUBSISTENCE]
                    parameters:
                      income-multiple: [{from: 2020-04-01, value: 2}]
                """);
        assertThatThrownBy(() -> CriteriaFiles.load(dir))
                .hasMessage(file + ": programs.LOW_INCOME_FAMILY: its rule "
                        + "reads SUBSISTENCE_ALLOWANCE.income-standard, "
                        + "and no criteria file defines SUBSISTENCE_ALLOWANCE");
    }

    @Test
    void aProgramDefinedTwiceIsNamed() throws IOException {
        write("a.yml", SUBSISTENCE);
        Path second = write("b.yml", SUBSISTENCE);
        assertThatThrownBy(() -> CriteriaFiles.load(dir))
                .hasMessage(
                        second + ": programs.SUBSISTENCE_ALLOWANCE: " + "already defined in " + dir.resolve("a.yml"));
    }

    @Test
    void aFolderWithoutCriteriaFilesStopsTheStart() {
        assertThatThrownBy(() -> CriteriaFiles.load(dir)).hasMessage(dir + ": no criteria files (*.yml)");
    }
}
