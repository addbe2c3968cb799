package hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlaReportCsvTest {

    private static final String TRICKY = "外滩街道, \"滨江\"试点";

    @ParameterizedTest
    @ValueSource(
            strings = {"=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "=cmd|' /C calc'!A0"
            })
    void aCellASpreadsheetWouldEvaluateGetsAQuote(String text) {
        assertThat(SlaReportCsv.neutralised(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "天平路街道", "not our area: 2", "1.5", "'already quoted", " =leading space"})
    void otherTextStaysAsItIs(String text) {
        assertThat(SlaReportCsv.neutralised(text)).isEqualTo(text);
    }

    @Test
    void headerLabelsFollowTheLanguageAndRatesNameTheirUnit() {
        assertThat(header(ReportLanguage.KEYS))
                .startsWith("key", "name", "level", "district", "received")
                .contains("signedOnTimeRate", "satisfactionRate", "returnReasons")
                .endsWith("from", "to");
        assertThat(header(ReportLanguage.ZH))
                .startsWith("编码", "名称")
                .contains("签收及时率(%)", "办结及时率(%)", "满意率(%)", "办结用时中位数(工作小时)")
                .endsWith("统计起始日", "统计截止日");
        assertThat(header(ReportLanguage.EN))
                .startsWith("code", "name")
                .contains("on-time sign rate (%)", "on-time resolution rate (%)", "satisfaction rate (%)")
                .endsWith("period from", "period to");
    }

    @ParameterizedTest
    @EnumSource(ReportLanguage.class)
    void everyLanguageHasOneLabelPerColumnAndEveryRateIsAPercentage(ReportLanguage language) {
        List<String> header = header(language);
        assertThat(header).doesNotHaveDuplicates().hasSize(SlaCsvColumn.ALL.size());
        for (SlaCsvColumn column : SlaCsvColumn.ALL) {
            if (column.key().endsWith("Rate") && language != ReportLanguage.KEYS) {
                assertThat(column.label(language)).as(column.key()).endsWith("(%)");
            }
        }
    }

    @Test
    void everyRowCarriesThePeriodAndRatesArePercentagesAsTheLabelSays() {
        List<List<String>> rows = SpreadsheetCsv.read(SlaReportCsv.write(report(ReportLanguage.EN)));
        List<String> header = rows.get(0);
        assertThat(rows).hasSize(3);
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row.get(header.indexOf("period from"))).isEqualTo("2025-03-01");
            assertThat(row.get(header.indexOf("period to"))).isEqualTo("2025-03-31");
        }
        List<String> town = rows.get(1);
        assertThat(town.get(header.indexOf("name"))).isEqualTo(TRICKY);
        // 3 of 4 signed on time: 75 per cent, written as 75.0 under "(%)", not 0.75.
        assertThat(town.get(header.indexOf("on-time sign rate (%)"))).isEqualTo("75.0");
        assertThat(town.get(header.indexOf("on-time contact rate (%)"))).isEmpty();
        assertThat(town.get(header.indexOf("return reasons (code: count)"))).isEqualTo("'=HYPERLINK(1): 2");
        assertThat(rows.get(2).get(0)).isEqualTo("total");
    }

    @Test
    void theFileIsUtf8WithAByteOrderMarkAndCrlfLineEnds() {
        byte[] file = SlaReportCsv.write(report(ReportLanguage.ZH));
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF编码,名称,").contains("\"外滩街道, \"\"滨江\"\"试点\"");
        assertThat(text.split("\r\n", -1)).hasSize(4).endsWith("");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\r");
    }

    @Test
    void theSpreadsheetReaderRefusesWhatASpreadsheetWouldOpenWrongly() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertThatThrownBy(() -> SpreadsheetCsv.read("a,b\r\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("byte order mark");
        assertThatThrownBy(() -> SpreadsheetCsv.read(withBom(bom, "a,b\n1,2\n")))
                .hasMessageContaining("line feed");
        assertThatThrownBy(() -> SpreadsheetCsv.read(withBom(bom, "a,b\r\n\"x\"y,2\r\n")))
                .hasMessageContaining("closing quote");
        assertThat(SpreadsheetCsv.read(withBom(bom, "a,b\r\n\"x,\"\"y\"\"\r\nz\",2\r\n")))
                .containsExactly(List.of("a", "b"), List.of("x,\"y\"\r\nz", "2"));
    }

    private static byte[] withBom(byte[] bom, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);
        return file;
    }

    private static List<String> header(ReportLanguage language) {
        return SpreadsheetCsv.read(SlaReportCsv.write(report(language))).get(0);
    }

    private static SlaReport report(ReportLanguage language) {
        SlaFigures town = figures("310101013", TRICKY, 3, 4, List.of(new ReturnReason("=HYPERLINK(1)", 2)));
        SlaFigures total = figures("total", "合计", 3, 4, List.of());
        return new SlaReport(
                LocalDate.parse("2025-03-01"),
                LocalDate.parse("2025-03-31"),
                "Asia/Shanghai",
                "town",
                null,
                Instant.parse("2025-04-01T00:00:00Z"),
                List.of(town),
                total,
                ReportFormat.CSV,
                language);
    }

    private static SlaFigures figures(
            String key, String name, long signedOnTime, long signDecided, List<ReturnReason> reasons) {
        return new SlaFigures(
                key,
                name,
                "TOWN",
                "310101",
                4,
                4,
                signedOnTime,
                signDecided,
                SlaFigures.rate(signedOnTime, signDecided),
                0,
                0,
                null,
                0,
                0,
                null,
                0,
                0,
                null,
                1,
                0,
                0.5,
                1.0,
                null,
                null,
                2,
                reasons,
                0,
                0,
                0,
                0,
                0,
                0,
                null,
                0,
                0,
                null,
                0,
                0,
                0,
                0,
                null);
    }
}
