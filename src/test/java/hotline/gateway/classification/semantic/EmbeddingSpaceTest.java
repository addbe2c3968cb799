package hotline.gateway.classification.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EmbeddingSpaceTest {

    @Test
    void chineseAndMixedTextGoToZhAndMostlyLatinTextToEn() {
        assertThat(EmbeddingSpace.of("老人住院需要医疗救助")).isEqualTo(EmbeddingSpace.ZH);
        assertThat(EmbeddingSpace.of("My father needs help with hospital bills"))
                .isEqualTo(EmbeddingSpace.EN);
        assertThat(EmbeddingSpace.of("老人需要轮椅, help")).isEqualTo(EmbeddingSpace.ZH); // 4 of 10 letters Latin
        assertThat(EmbeddingSpace.of("老人要wheelchair")).isEqualTo(EmbeddingSpace.EN); // 10 of 13
    }

    @Test
    void theShareCountsLettersOnly() {
        assertThat(EmbeddingSpace.latinShare("abc 123 ,.!")).isEqualTo(1.0);
        assertThat(EmbeddingSpace.latinShare("低保 ab")).isEqualTo(0.5);
        assertThat(EmbeddingSpace.latinShare("Café Ünter straße")).isEqualTo(1.0);
        assertThat(EmbeddingSpace.latinShare("ＡＢＣ 低")).isCloseTo(0.75, within(1e-9)); // full-width Latin
    }

    @Test
    void theThresholdIsExclusive() {
        // 3 Latin of 5 letters: exactly 0.6, not above it
        assertThat(EmbeddingSpace.of("abc低保")).isEqualTo(EmbeddingSpace.ZH);
        assertThat(EmbeddingSpace.of("abcd低保")).isEqualTo(EmbeddingSpace.EN);
    }

    @Test
    void textWithoutLettersGoesToZh() {
        assertThat(EmbeddingSpace.of(null)).isEqualTo(EmbeddingSpace.ZH);
        assertThat(EmbeddingSpace.of("")).isEqualTo(EmbeddingSpace.ZH);
        assertThat(EmbeddingSpace.of("12345 !!")).isEqualTo(EmbeddingSpace.ZH);
        assertThat(EmbeddingSpace.of("😀 13800138000")).isEqualTo(EmbeddingSpace.ZH);
    }
}
