package hotline.gateway.criteria;

import java.math.BigDecimal;

/**
 * A per-capita monthly income line and how a reason cites it, e.g. "low-income line 2,660 = low-income multiple 2
 * (from 2021-07-01) × subsistence standard 1,330 (from 2021-07-01)".
 */
record Line(BigDecimal perCapita, String citation) {

    static Line of(ParameterValue value, String label) {
        return new Line(value.value(), value.cite(label));
    }

    /** A multiple of another line, named by its own label. */
    static Line multiple(String label, ParameterValue multiple, String multipleLabel, Line base) {
        BigDecimal amount = multiple.value().multiply(base.perCapita());
        return new Line(
                amount,
                label + " " + Amounts.format(amount) + " = " + multiple.cite(multipleLabel) + " × " + base.citation());
    }
}
