package hotline.gateway.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void fullWidthBecomesHalfWidthAndLowerCase() {
        assertThat(TextNormalizer.normalize("ＡＢＣ１２３，ＩＣＵ（病房）")).isEqualTo("abc123,icu(病房)");
    }

    @Test
    void whitespaceRunsCollapseAndAreTrimmed() {
        assertThat(TextNormalizer.normalize("  Laid \t\n OFF\u3000\u3000来电人\u00A0说  "))
                .isEqualTo("laid off 来电人 说");
    }

    @Test
    void chineseIsUnchanged() {
        assertThat(TextNormalizer.normalize("来电人询问低保")).isEqualTo("来电人询问低保");
    }

    @Test
    void nullAndBlankGiveEmpty() {
        assertThat(TextNormalizer.normalize(null)).isEmpty();
        assertThat(TextNormalizer.normalize(" \t ")).isEmpty();
    }

    @Test
    void wordCharacters() {
        assertThat(TextNormalizer.isWordChar('a')).isTrue();
        assertThat(TextNormalizer.isWordChar('7')).isTrue();
        assertThat(TextNormalizer.isWordChar('ü')).isTrue();
        assertThat(TextNormalizer.isWordChar('低')).isFalse();
        assertThat(TextNormalizer.isWordChar('-')).isFalse();
        assertThat(TextNormalizer.isWordChar(' ')).isFalse();
        assertThat(TextNormalizer.isLatinLetter('7')).isFalse();
    }
}
