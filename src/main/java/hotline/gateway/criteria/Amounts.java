package hotline.gateway.criteria;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as reasons show them: grouped thousands, at most two decimals, no trailing zeros (1,330; 933.33; 1.5). */
final class Amounts {

    private Amounts() {}

    /* Every assessment formats several amounts: grouping by hand, as String.format parses its pattern each time. */
    static String format(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        String plain = (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
        int start = plain.startsWith("-") ? 1 : 0;
        int dot = plain.indexOf('.');
        int integerEnd = dot < 0 ? plain.length() : dot;
        StringBuilder out = new StringBuilder(plain.length() + 6).append(plain, 0, start);
        for (int i = start; i < integerEnd; i++) {
            if (i > start && (integerEnd - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, integerEnd, plain.length()).toString();
    }
}
