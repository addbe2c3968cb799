package hotline.gateway.criteria;

import java.util.List;

/**
 * 医疗救助: households below the low-income line are eligible; above it, a household whose income after the medical
 * costs it pays itself falls below the line (因病支出型贫困) is likely eligible.
 */
final class MedicalAssistanceRule implements Rule {

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
        Line lowIncome = Lines.lowIncome(values);
        if (income.below(lowIncome)) {
            return Finding.eligible(income.compare(lowIncome));
        }
        if (facts.monthlyMedicalCosts() == null) {
            return Finding.missing(
                    List.of("household.monthlyMedicalCosts"),
                    List.of(income.compare(lowIncome), "the medical costs the household pays itself are not known"));
        }
        HouseholdIncome afterCosts = income.after(facts.monthlyMedicalCosts(), "per-capita income after medical costs");
        return afterCosts.below(lowIncome)
                ? Finding.likely(income.compare(lowIncome), afterCosts.compare(lowIncome))
                : Finding.notEligible(afterCosts.compare(lowIncome));
    }
}
