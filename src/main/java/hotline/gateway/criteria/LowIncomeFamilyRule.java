package hotline.gateway.criteria;

import java.util.List;

/**
 * 低收入家庭: per-capita income at or above the subsistence standard (below it, the subsistence allowance applies)
 * and below the low-income line, a multiple of that standard.
 */
final class LowIncomeFamilyRule implements Rule {

    @Override
    public List<ParameterRef> parameters() {
        return Lines.LOW_INCOME_LINE;
    }

    @Override
    public Finding assess(HouseholdFacts facts, ValuesInForce values) {
        HouseholdIncome income = HouseholdIncome.of(facts);
        if (income == null) {
            return HouseholdIncome.unknown(facts);
        }
        Line subsistence = Lines.subsistence(values);
        if (income.below(subsistence)) {
            return Finding.notEligible(income.compare(subsistence) + ": the subsistence allowance applies instead");
        }
        Line lowIncome = Lines.lowIncome(values);
        return income.below(lowIncome) ? Finding.eligible(income.compare(subsistence), income.compare(lowIncome))
                : Finding.notEligible(income.compare(lowIncome));
    }
}
