package hotline.gateway.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlaSpanTest {

    private static final Duration DAY = Duration.ofHours(8);

    @Test
    void readsTheOfficersWording() {
        assertThat(SlaSpan.parse("30 minutes", DAY)).isEqualTo(SlaSpan.clock(Duration.ofMinutes(30)));
        assertThat(SlaSpan.parse("1 hour", DAY)).isEqualTo(SlaSpan.clock(Duration.ofHours(1)));
        assertThat(SlaSpan.parse("24 hours", DAY)).isEqualTo(SlaSpan.clock(Duration.ofHours(24)));
        assertThat(SlaSpan.parse("4 working hours", DAY)).isEqualTo(SlaSpan.working(Duration.ofHours(4)));
        assertThat(SlaSpan.parse(" 1 Working Day ", DAY)).isEqualTo(SlaSpan.working(Duration.ofHours(8)));
        assertThat(SlaSpan.parse("5 working days", Duration.ofHours(7)))
                .isEqualTo(SlaSpan.working(Duration.ofHours(35)));
        assertThat(SlaSpan.parse("90 working minutes", DAY)).isEqualTo(SlaSpan.working(Duration.ofMinutes(90)));
    }

    @Test
    void refusesWhatItCannotReadExactly() {
        for (String text : new String[] {
            "4 workng hours", "5 days", "hours", "-1 hours", "0 minutes", "2.5 hours", "4h", "", "4 working hours extra"
        }) {
            assertThatThrownBy(() -> SlaSpan.parse(text, DAY))
                    .as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + text + "'");
        }
    }
}
