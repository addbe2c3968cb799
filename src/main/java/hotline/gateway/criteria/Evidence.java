package hotline.gateway.criteria;

import java.util.ArrayList;
import java.util.List;

/** The reasons and missing facts a rule gathers before it concludes. One per assessment of one program. */
final class Evidence {

    private final List<String> reasons = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    void reason(String reason) {
        reasons.add(reason);
    }

    void missing(String fact, String reason) {
        missing.add(fact);
        reasons.add(reason);
    }

    /**
     * The income test against a line: adds its reason, or the missing income facts. False only when the income is
     * known and not below the line, which decides against.
     */
    boolean incomeBelow(HouseholdFacts facts, Line line) {
        HouseholdIncome income = HouseholdIncome.of(facts);
        if (income == null) {
            Finding unknown = HouseholdIncome.unknown(facts);
            missing.addAll(unknown.missingFacts());
            reasons.addAll(unknown.reasons());
            return true;
        }
        reasons.add(income.compare(line));
        return income.below(line);
    }

    /** NOT_ELIGIBLE with the reasons so far and this one. */
    Finding against(String reason) {
        reasons.add(reason);
        return Finding.of(Outcome.NOT_ELIGIBLE, reasons);
    }

    Finding against() {
        return Finding.of(Outcome.NOT_ELIGIBLE, reasons);
    }

    /** True when no fact is missing so far. */
    boolean complete() {
        return missing.isEmpty();
    }

    /** The given outcome when no fact is missing, else NEEDS_ASSESSMENT naming them. */
    Finding conclude(Outcome whenComplete) {
        return missing.isEmpty() ? Finding.of(whenComplete, reasons) : Finding.missing(missing, reasons);
    }
}
