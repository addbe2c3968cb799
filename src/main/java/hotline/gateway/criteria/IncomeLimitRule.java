package hotline.gateway.criteria;

import java.util.List;
import java.util.function.Function;

/**
 * Programs decided by the office once income is below a line (housing, sub-district assistance): below is LIKELY,
 * since what else counts (housing area, assets, the sub-district's own judgement) is the office's to check.
 */
final class IncomeLimitRule implements Rule {

    private final List<ParameterRef> parameters;
    private final Function<ValuesInForce, Line> line;
    private final String officeChecks;

    IncomeLimitRule(List<ParameterRef> parameters, Function<ValuesInForce, Line> line, String officeChecks) {
        this.parameters = List.copyOf(parameters);
        this.line = line;
        this.officeChecks = officeChecks;
    }

    /** 住房保障: per-capita income below the program's own income limit. */
    static IncomeLimitRule housing() {
        ParameterRef limit = new ParameterRef(Program.HOUSING_ASSISTANCE, "income-limit", "housing income limit");
        return new IncomeLimitRule(
                List.of(limit),
                values -> Line.of(values.get(limit), limit.label()),
                "housing area and assets are checked by the office");
    }

    /** 街镇级救助: per-capita income below a multiple of the subsistence standard, above the city's own lines too. */
    static IncomeLimitRule subdistrict() {
        ParameterRef multiple =
                new ParameterRef(Program.SUBDISTRICT_ASSISTANCE, "income-multiple", "sub-district multiple");
        return new IncomeLimitRule(
                List.of(Lines.SUBSISTENCE_STANDARD, multiple),
                values -> Line.multiple(
                        "sub-district line", values.get(multiple), multiple.label(), Lines.subsistence(values)),
                "the sub-district decides the help and its amount");
    }

    @Override
    public List<ParameterRef> parameters() {
        return parameters;
    }

    @Override
    public Finding assess(HouseholdFacts facts, ValuesInForce values) {
        Evidence evidence = new Evidence();
        if (!evidence.incomeBelow(facts, line.apply(values))) {
            return evidence.against();
        }
        if (evidence.complete()) {
            evidence.reason(officeChecks);
        }
        return evidence.conclude(Outcome.LIKELY);
    }
}
