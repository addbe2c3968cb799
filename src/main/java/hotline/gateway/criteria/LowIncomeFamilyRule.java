package hotline.gateway.criteria;

import java.util.ArrayList;
import java.util.List;

/**
 * 低收入家庭: not eligible for the subsistence allowance (whose rule counts minors at their own standard), and
 * per-capita income below the low-income line, a multiple of the subsistence standard.
 */
final class LowIncomeFamilyRule implements Rule {

    private final SubsistenceAllowanceRule subsistenceAllowance = new SubsistenceAllowanceRule();

    @Override
    public List<ParameterRef> parameters() {
        List<ParameterRef> parameters = new ArrayList<>(Lines.LOW_INCOME_LINE);
        parameters.addAll(subsistenceAllowance.parameters());
        return List.copyOf(parameters);
    }

    @Override
    public Finding assess(HouseholdFacts facts, ValuesInForce values) {
        HouseholdIncome income = HouseholdIncome.of(facts);
        if (income == null) {
            return HouseholdIncome.unknown(facts);
        }
        Finding subsistence = subsistenceAllowance.assess(facts, values);
        if (subsistence.outcome() == Outcome.ELIGIBLE) {
            return Finding.notEligible(subsistence.reasons().get(0) + ": the subsistence allowance applies instead");
        }
        if (subsistence.outcome() == Outcome.NEEDS_ASSESSMENT) {
            return subsistence;
        }
        Line lowIncome = Lines.lowIncome(values);
        return income.below(lowIncome)
                ? Finding.eligible(subsistence.reasons().get(0), income.compare(lowIncome))
                : Finding.notEligible(income.compare(lowIncome));
    }
}
