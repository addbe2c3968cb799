package hotline.gateway.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeedDictionaryTest {

    private static NeedDictionary parse(String csv) {
        return NeedDictionary.parse(new StringReader(csv));
    }

    @Test
    void parsesAWellFormedFile() {
        NeedDictionary d = parse("""
                \uFEFF# a comment
                category,weight,term

                # ---- SUBSISTENCE
                SUBSISTENCE,3,低保
                 medical , 2 , 住院
                HOUSING,2,evict*
                INFO,3,补办
                URGENT,1.0,煤气味
                URGENT,0.5,no food
                NOW,0.5,今天
                RESOLVED,1,已被
                EMERGENCY,2,ICU
                MEDICAL,1,ICU
                URBAN_MANAGEMENT,1,noise, at night
                """);
        assertThat(d.size()).isEqualTo(11);
        assertThat(d.terms())
                .extracting(
                        DictionaryTerm::kind,
                        DictionaryTerm::need,
                        DictionaryTerm::weight,
                        DictionaryTerm::term,
                        DictionaryTerm::line)
                .startsWith(
                        tuple(TermKind.NEED, NeedCode.SUBSISTENCE, 3.0, "低保", 5),
                        tuple(TermKind.NEED, NeedCode.MEDICAL, 2.0, "住院", 6),
                        tuple(TermKind.NEED, NeedCode.HOUSING, 2.0, "evict*", 7),
                        tuple(TermKind.INFO, null, 3.0, "补办", 8),
                        tuple(TermKind.URGENT, null, 1.0, "煤气味", 9),
                        tuple(TermKind.URGENT, null, 0.5, "no food", 10),
                        tuple(TermKind.NOW, null, 0.5, "今天", 11),
                        tuple(TermKind.RESOLVED, null, 1.0, "已被", 12));
        assertThat(d.terms(NeedCode.MEDICAL)).extracting(DictionaryTerm::term).containsExactly("住院", "ICU");
        assertThat(d.terms(TermKind.URGENT)).hasSize(2);
        assertThat(d.terms().get(10).term()).isEqualTo("noise, at night");
        assertThat(d.terms().get(10).category()).isEqualTo("URBAN_MANAGEMENT");
    }

    @Test
    void malformedLineNamesItsLineNumber() {
        assertThatThrownBy(() -> parse("# header\nSUBSISTENCE,3,低保\nSUBSISTENCE 3 低收入\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("category,weight,term");
    }

    @Test
    void unknownCategoryIsRejected() {
        assertThatThrownBy(() -> parse("SUBSISTENCE,3,低保\nPOVERTY,3,贫困\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("POVERTY")
                .hasMessageContaining("URGENT");
    }

    @Test
    void otherIsNotACategory() {
        assertThatThrownBy(() -> parse("OTHER,1,谢谢\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void weightMustBeAPositiveNumber() {
        assertThatThrownBy(() -> parse("\n\nMEDICAL,high,大病\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("high");
        assertThatThrownBy(() -> parse("MEDICAL,0,大病\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> parse("MEDICAL,-1,大病\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> parse("MEDICAL,NaN,大病\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void emptyTermIsRejected() {
        assertThatThrownBy(() -> parse("MEDICAL,2,大病\nMEDICAL,2,  \n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void aStarMustEndALatinTerm() {
        assertThatThrownBy(() -> parse("HOUSING,3,evict*\nHOUSING,3,租*\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("租*");
    }

    @Test
    void duplicateTermInOneCategoryIsRejectedButAcrossCategoriesAllowed() {
        assertThatThrownBy(() -> parse("MEDICAL,2,ICU\nEMERGENCY,2,ICU\nMEDICAL,1,ｉｃｕ\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("already on line 1");
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("d.csv");
        Files.writeString(file, "# test\nEDUCATION,3,学费\n", StandardCharsets.UTF_8);
        assertThat(NeedDictionary.load(file).terms())
                .extracting(DictionaryTerm::term)
                .containsExactly("学费");
    }

    @Test
    void theShippedDictionaryIsBroadAndCoversEveryNeedInChineseAndEnglish() {
        NeedDictionary d = ConfiguredClassifier.dictionary();
        assertThat(d.size()).isGreaterThan(1000);
        Arrays.stream(NeedCode.values()).filter(c -> c != NeedCode.OTHER).forEach(need -> {
            assertThat(d.terms(need)).as("%s terms", need).hasSizeGreaterThanOrEqualTo(50);
            assertThat(d.terms(need))
                    .as("%s Chinese terms", need)
                    .anyMatch(t -> t.term()
                            .codePoints()
                            .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
            assertThat(d.terms(need))
                    .as("%s English terms", need)
                    .filteredOn(t -> t.term().chars().anyMatch(Character::isLetter)
                            && t.term().chars().allMatch(c -> c < 0x80))
                    .hasSizeGreaterThanOrEqualTo(10);
        });
        for (TermKind kind : new TermKind[] {TermKind.INFO, TermKind.URGENT, TermKind.NOW, TermKind.RESOLVED}) {
            assertThat(d.terms(kind)).as("%s", kind).isNotEmpty();
        }
    }
}
