package hotline.gateway.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.gateway.intake.BatchFile;
import hotline.gateway.validation.FieldError;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading feed files row by row, and checking a row into COPY text with pseudonyms. */
class FeedRowsTest {

    private static final Pseudonyms PSEUDONYMS =
            new Pseudonyms("a-test-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8));
    private static final String ID = ResidentIds.of("310104", "19440315", 11);

    private static List<FeedRow> rows(BatchFile.Format format, String text) {
        List<FeedRow> rows = new ArrayList<>();
        new FeedRows(format, new StringReader(text)).forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void csvRowsKeepTheLineTheyStartOnAcrossQuotedLineBreaks() {
        List<FeedRow> rows = rows(
                BatchFile.Format.CSV,
                "\ufeffID_Number,address\n" + ID + ",\"长桥新村1号\n101室, \"\"东\"\"\"\n\n" + ID + ",x,y\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).values()).containsEntry("id_number", ID).containsEntry("address", "长桥新村1号\n101室, \"东\"");
        assertThat(rows.get(1).line()).isEqualTo(5);
        assertThat(rows.get(1).unreadable()).isEqualTo("has 3 cells, the header 2");
    }

    @Test
    void jsonLinesRowsAreObjectsOfSingleValues() {
        List<FeedRow> rows =
                rows(BatchFile.Format.JSON_LINES, "{\"id_number\":\"" + ID + "\"}\n[1]\n{\"a\":{}}\nnot json\n");

        assertThat(rows).extracting(FeedRow::line).containsExactly(1, 2, 3, 4);
        assertThat(rows.get(0).values()).containsEntry("id_number", ID);
        assertThat(rows.get(1).unreadable()).isEqualTo("must be a JSON object");
        assertThat(rows.get(2).unreadable()).isEqualTo("a must be a single value");
        assertThat(rows.get(3).unreadable()).startsWith("is not JSON");
    }

    @Test
    void aGoodRowBecomesCopyTextWithPseudonymsAndDerivedFacts() {
        FeedRowConverter converter = new FeedRowConverter(Feed.POPULATION, LocalDate.of(2026, 11, 30), PSEUDONYMS);
        List<FieldError> errors = new ArrayList<>();
        String line = converter.convert(
                new FeedRow(
                        2,
                        java.util.Map.of(
                                "id_number", ID,
                                "household_no", "H-1",
                                "community_code", "310104010001",
                                "address", "路\t1号",
                                "living_alone", "是"),
                        null),
                errors);

        assertThat(errors).isEmpty();
        String[] cells = line.stripTrailing().split("\t", -1);
        assertThat(cells[0]).isEqualTo("population");
        assertThat(cells[2]).isEqualTo(PSEUDONYMS.person(ID)).hasSize(64).doesNotContain(ID);
        assertThat(line).doesNotContain(ID).contains("路\\t1号");
        assertThat(cells[FactColumns.index("household")]).isEqualTo(PSEUDONYMS.household("H-1"));
        assertThat(cells[FactColumns.index("birth_date")]).isEqualTo("1944-03-15");
        assertThat(cells[FactColumns.index("town_code")]).isEqualTo("310104010");
        assertThat(cells[FactColumns.index("living_alone")]).isEqualTo("t");
        assertThat(cells[FactColumns.index("name")]).isEqualTo("\\N");
    }

    @Test
    void aBadRowNamesEveryBadField() {
        FeedRowConverter converter = new FeedRowConverter(Feed.HEALTH, LocalDate.of(2026, 11, 30), PSEUDONYMS);
        List<FieldError> errors = new ArrayList<>();
        String line = converter.convert(
                new FeedRow(
                        7,
                        java.util.Map.of(
                                "id_number", "310104194403150111",
                                "chronic_illness", "maybe",
                                "out_of_pocket", "-3",
                                "shoe_size", "42"),
                        null),
                errors);

        assertThat(line).isNull();
        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("id_number", "chronic_illness", "out_of_pocket", "shoe_size");
        assertThatThrownBy(() -> converter.checkHeader(List.of("id_number", "shoe_size")))
                .hasMessage("column shoe_size is not a field of the health feed");
    }
}
