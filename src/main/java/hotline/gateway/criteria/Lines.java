package hotline.gateway.criteria;

import java.util.List;

/** The income lines several programs measure against: the subsistence standard and the low-income line. */
final class Lines {

    static final ParameterRef SUBSISTENCE_STANDARD =
            new ParameterRef(Program.SUBSISTENCE_ALLOWANCE, "income-standard", "subsistence standard");
    static final ParameterRef LOW_INCOME_MULTIPLE =
            new ParameterRef(Program.LOW_INCOME_FAMILY, "income-multiple", "low-income multiple");
    /** What the low-income line is made of: the rules that use it read these. */
    static final List<ParameterRef> LOW_INCOME_LINE = List.of(SUBSISTENCE_STANDARD, LOW_INCOME_MULTIPLE);

    private Lines() {}

    static Line subsistence(ValuesInForce values) {
        return Line.of(values.get(SUBSISTENCE_STANDARD), SUBSISTENCE_STANDARD.label());
    }

    static Line lowIncome(ValuesInForce values) {
        return Line.multiple(
                "low-income line", values.get(LOW_INCOME_MULTIPLE), LOW_INCOME_MULTIPLE.label(), subsistence(values));
    }
}
