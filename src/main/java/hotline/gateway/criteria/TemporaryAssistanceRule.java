package hotline.gateway.criteria;

import java.util.List;

/**
 * 临时救助: a sudden crisis (急难型) is likely eligible whatever the income, and urgent: the office acts today and
 * decides the amount. Without one, hardship from spending (支出型) is likely eligible when per-capita income is
 * below the low-income line.
 */
final class TemporaryAssistanceRule implements Rule {

    @Override
    public List<ParameterRef> parameters() {
        return Lines.LOW_INCOME_LINE;
    }

    @Override
    public Finding assess(HouseholdFacts facts, ValuesInForce values) {
        if (Boolean.TRUE.equals(facts.suddenHardship())) {
            return Finding.likely("sudden hardship reported: temporary assistance for a crisis is decided at once,"
                            + " the amount by the office")
                    .markedUrgent();
        }
        Line lowIncome = Lines.lowIncome(values);
        HouseholdIncome income = HouseholdIncome.of(facts);
        if (income != null && income.below(lowIncome)) {
            return Finding.likely(income.compare(lowIncome));
        }
        Evidence evidence = new Evidence();
        boolean below = evidence.incomeBelow(facts, lowIncome);
        if (facts.suddenHardship() == null) {
            evidence.missing(
                    "household.suddenHardship",
                    "whether a sudden crisis has left the household in hardship is not known");
        } else if (!below) {
            return evidence.against("no sudden hardship");
        }
        return evidence.conclude(Outcome.LIKELY);
    }
}
