package hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlaReportCsvTest {

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
}
