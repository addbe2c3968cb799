package hotline.gateway.criteria;

import java.math.BigDecimal;
import java.util.List;

/**
 * 低保: the household's income is below the sum of its members' standards: the subsistence standard for each adult,
 * the (higher) minor standard for each member under the minor age. Below, not equal: income exactly at the
 * standard is not eligible (Shanghai's rule: "低于本市最低生活保障标准"). Members whose age is unknown count at the
 * adult standard when that already decides; when only their being minors could decide, a visit asks.
 */
final class SubsistenceAllowanceRule implements Rule {

    static final ParameterRef MINOR_STANDARD =
            new ParameterRef(Program.SUBSISTENCE_ALLOWANCE, "minor-income-standard", "minor standard");
    static final ParameterRef MINOR_AGE = new ParameterRef(Program.SUBSISTENCE_ALLOWANCE, "minor-age", "minor age");

    @Override
    public List<ParameterRef> parameters() {
        return List.of(Lines.SUBSISTENCE_STANDARD, MINOR_STANDARD, MINOR_AGE);
    }

    @Override
    public Finding assess(HouseholdFacts facts, ValuesInForce values) {
        HouseholdIncome income = HouseholdIncome.of(facts);
        if (income == null) {
            return HouseholdIncome.unknown(facts);
        }
        ParameterValue standard = values.get(Lines.SUBSISTENCE_STANDARD);
        ParameterValue minorStandard = values.get(MINOR_STANDARD);
        ParameterValue minorAge = values.get(MINOR_AGE);
        int minors = 0;
        int knownAges = 0;
        for (HouseholdFacts.Member member : facts.members()) {
            if (member.age() != null) {
                knownAges++;
                if (BigDecimal.valueOf(member.age()).compareTo(minorAge.value()) < 0) {
                    minors++;
                }
            }
        }
        int unknownAges = income.size() - knownAges;
        Line line = Line.of(standard, Lines.SUBSISTENCE_STANDARD.label());
        if (minors == 0) {
            return income.below(line)
                    ? Finding.eligible(income.compare(line))
                    : unknownAges == 0
                            ? Finding.notEligible(income.compare(line))
                            : withUnknownAges(
                                    income, income.compare(line), standard, minorStandard, minorAge, 0, unknownAges);
        }
        BigDecimal threshold = householdStandard(standard, minorStandard, income.size(), minors);
        String reason = "household income " + Amounts.format(income.total())
                + (income.total().compareTo(threshold) < 0 ? " < " : " is not below ") + "household standard "
                + Amounts.format(threshold) + " = " + (income.size() - minors) + " × "
                + standard.cite(Lines.SUBSISTENCE_STANDARD.label()) + " + " + minors + " under "
                + Amounts.format(minorAge.value()) + " × " + minorStandard.cite(MINOR_STANDARD.label());
        if (income.total().compareTo(threshold) < 0) {
            return Finding.eligible(reason);
        }
        return unknownAges == 0
                ? Finding.notEligible(reason)
                : withUnknownAges(income, reason, standard, minorStandard, minorAge, minors, unknownAges);
    }

    /** Not below with the ages known; below if enough of the others were minors? Then a visit asks their ages. */
    private static Finding withUnknownAges(
            HouseholdIncome income,
            String reason,
            ParameterValue standard,
            ParameterValue minorStandard,
            ParameterValue minorAge,
            int minors,
            int unknownAges) {
        BigDecimal highest = householdStandard(standard, minorStandard, income.size(), minors + unknownAges);
        if (income.total().compareTo(highest) >= 0) {
            return Finding.notEligible(
                    reason,
                    "not below even if the " + unknownAges + " member(s) of unknown age"
                            + " were under " + Amounts.format(minorAge.value()) + " ("
                            + minorStandard.cite(MINOR_STANDARD.label()) + ")");
        }
        return Finding.missing(
                List.of("household.members[].age"),
                List.of(
                        reason,
                        "below the standard if "
                                + "some of the " + unknownAges + " member(s) of unknown age are under "
                                + Amounts.format(minorAge.value()) + " (" + minorStandard.cite(MINOR_STANDARD.label())
                                + ")"));
    }

    private static BigDecimal householdStandard(
            ParameterValue standard, ParameterValue minorStandard, int size, int minors) {
        return standard.value()
                .multiply(BigDecimal.valueOf(size - minors))
                .add(minorStandard.value().multiply(BigDecimal.valueOf(minors)));
    }
}
