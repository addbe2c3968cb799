package hotline.gateway.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void groupsThousandsAndKeepsAtMostTwoDecimalsWithoutTrailingZeros() {
        assertThat(Amounts.format(new BigDecimal("1330"))).isEqualTo("1,330");
        assertThat(Amounts.format(new BigDecimal("1330.00"))).isEqualTo("1,330");
        assertThat(Amounts.format(new BigDecimal("933.333"))).isEqualTo("933.33");
        assertThat(Amounts.format(new BigDecimal("1.5"))).isEqualTo("1.5");
        assertThat(Amounts.format(new BigDecimal("0.005"))).isEqualTo("0.01");
        assertThat(Amounts.format(new BigDecimal("0"))).isEqualTo("0");
        assertThat(Amounts.format(new BigDecimal("1E+3"))).isEqualTo("1,000");
        assertThat(Amounts.format(new BigDecimal("123456789.126"))).isEqualTo("123,456,789.13");
        assertThat(Amounts.format(new BigDecimal("-1234.5"))).isEqualTo("-1,234.5");
        assertThat(Amounts.format(new BigDecimal("100"))).isEqualTo("100");
        assertThat(Amounts.format(new BigDecimal("999999"))).isEqualTo("999,999");
    }
}
