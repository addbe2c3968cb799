package hotline.gateway.criteria;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as reasons show them: grouped thousands, at most two decimals, no trailing zeros (1,330; 933.33; 1.5). */
final class Amounts {

    private Amounts() {
    }

    static String format(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        int scale = Math.max(rounded.scale(), 0);
        return String.format(Locale.ROOT, "%,." + scale + "f", rounded);
    }
}
