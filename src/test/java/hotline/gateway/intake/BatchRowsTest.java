package hotline.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.InvalidInputException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a batch's bytes become rows: its charset, its CSV shape, and rows that cannot be read on their own. */
class BatchRowsTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String CSV =
            "reportId,subject.name,location.address,content\n" + "R-1,测试姓名甲,某某路999弄,独居老人需要助餐\n";

    private final BatchRows rows = new BatchRows(new ObjectMapper(), 100);

    private static BatchFile csv(byte[] content, Charset declared) {
        return new BatchFile("test", BatchFile.Format.CSV, content, declared);
    }

    @Test
    void aDeclaredGbkOrGb18030BatchIsDecoded() {
        for (Charset charset : List.of(GBK, GB18030)) {
            List<BatchRows.Row> read = rows.read(csv(CSV.getBytes(charset), charset));
            assertThat(read).hasSize(1);
            assertThat(read.get(0).body().at("/subject/name").asText()).isEqualTo("测试姓名甲");
            assertThat(read.get(0).body().at("/location/address").asText()).isEqualTo("某某路999弄");
        }
    }

    @Test
    void undeclaredBytesThatAreNotUtf8AreRefusedNamingTheCharset() {
        assertThatThrownBy(() -> rows.read(csv(CSV.getBytes(GBK), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("(body)");
                    assertThat(e.getMessage()).contains("is not valid UTF-8", "charset=GBK");
                });
    }

    @Test
    void aDeclaredCharsetTheBytesDoNotFollowIsRefused() {
        byte[] broken = {'a', '\n', (byte) 0x81, (byte) 0x20, '\n'};
        assertThatThrownBy(() -> rows.read(csv(broken, GBK)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("is not valid GBK"));
    }

    @Test
    void aUtf8BatchWithAByteOrderMarkKeepsItsFirstColumn() {
        byte[] text = ("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_8);
        assertThat(rows.read(csv(text, null)).get(0).body().get("reportId").asText())
                .isEqualTo("R-1");
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderIsThatRowsProblemAndBlankRowsAreSkipped() {
        String text = "reportId,content\n" + "R-1,一\n" + "\n" + ",\n" + "R-2,二,三\n" + "\"R-3\",\"四, 五\"\n";
        List<BatchRows.Row> read = rows.read(csv(text.getBytes(StandardCharsets.UTF_8), null));

        assertThat(read).extracting(BatchRows.Row::number).containsExactly(1, 2, 3);
        assertThat(read).extracting(BatchRows.Row::line).containsExactly(2, 5, 6);
        assertThat(read.get(1).body()).isNull();
        assertThat(read.get(1).unreadable()).extracting(FieldError::field).containsExactly("(row)");
        assertThat(read.get(2).body().get("content").asText()).isEqualTo("四, 五");
    }

    @Test
    void aNumberColumnWithNaNOrAHugeExponentStaysForTheParserToRefuse() {
        String text = "reportId,household.size,location.lat\nR-1,1e400,NaN\n";
        BatchRows.Row row =
                rows.read(csv(text.getBytes(StandardCharsets.UTF_8), null)).get(0);
        assertThat(row.body().at("/household/size").isIntegralNumber()).isFalse();
        assertThat(row.body().at("/location/lat").isTextual()).isTrue();
    }

    @Test
    void aJsonLineWithNaNNamesTheFieldLater() {
        String text = "{\"reportId\": \"R-1\", \"location\": {\"lat\": NaN}}\n";
        BatchRows.Row row = rows.read(
                        new BatchFile("test", BatchFile.Format.JSON_LINES, text.getBytes(StandardCharsets.UTF_8), null))
                .get(0);
        assertThat(row.unreadable()).isEmpty();
        assertThat(row.body().at("/location/lat").isNumber()).isTrue();
    }
}
