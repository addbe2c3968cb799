package hotline.gateway.criteria;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A household's monthly income and size, when both are known. Comparisons are exact (income < line × size); only
 * the per-capita figure a reason shows is rounded.
 */
final class HouseholdIncome {

    static final String INCOME = "household.monthlyIncome";
    static final String SIZE = "household.size";

    private final String label;
    private final BigDecimal total;
    private final int size;

    private HouseholdIncome(String label, BigDecimal total, int size) {
        this.label = label;
        this.total = total;
        this.size = size;
    }

    /** Null when the income or the size is unknown or does not add up: see {@link #unknown}. */
    static HouseholdIncome of(HouseholdFacts facts) {
        Integer size = size(facts);
        return facts.monthlyIncome() == null || size == null
                ? null
                : new HouseholdIncome("per-capita income", facts.monthlyIncome(), size);
    }

    /** The NEEDS_ASSESSMENT finding when {@link #of} is null: which facts are missing. */
    static Finding unknown(HouseholdFacts facts) {
        List<String> missing = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        if (facts.monthlyIncome() == null) {
            missing.add(INCOME);
            reasons.add("the household's monthly income is not known");
        }
        if (facts.size() != null && facts.members().size() > facts.size()) {
            missing.add(SIZE);
            reasons.add(
                    "household size " + facts.size() + " but " + facts.members().size() + " members listed");
        } else if (size(facts) == null) {
            missing.add(SIZE);
            reasons.add("the household's size is not known");
        }
        return Finding.missing(missing, reasons);
    }

    /** household.size, else the members listed; null when neither is known or they disagree. */
    static Integer size(HouseholdFacts facts) {
        int listed = facts.members().size();
        if (facts.size() != null) {
            return listed > facts.size() ? null : facts.size();
        }
        return listed == 0 ? null : listed;
    }

    int size() {
        return size;
    }

    BigDecimal total() {
        return total;
    }

    /** The income left after costs the household must pay (never below zero). */
    HouseholdIncome after(BigDecimal costs, String label) {
        return new HouseholdIncome(label, total.subtract(costs).max(BigDecimal.ZERO), size);
    }

    boolean below(Line line) {
        return total.compareTo(line.perCapita().multiply(BigDecimal.valueOf(size))) < 0;
    }

    /** "per-capita income 933.33 < subsistence standard 1,330 (from 2021-07-01)", or "... is not below ...". */
    String compare(Line line) {
        return label + " " + Amounts.format(perCapita()) + (below(line) ? " < " : " is not below ") + line.citation();
    }

    BigDecimal perCapita() {
        return total.divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP);
    }
}
