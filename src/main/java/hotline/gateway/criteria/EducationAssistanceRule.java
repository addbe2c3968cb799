package hotline.gateway.criteria;

import java.util.List;

/** 教育救助: a member in school in a household below the low-income line. */
final class EducationAssistanceRule implements Rule {

    @Override
    public List<ParameterRef> parameters() {
        return Lines.LOW_INCOME_LINE;
    }

    @Override
    public Finding assess(HouseholdFacts facts, ValuesInForce values) {
        Evidence evidence = new Evidence();
        if (!evidence.incomeBelow(facts, Lines.lowIncome(values))) {
            return evidence.against();
        }
        List<HouseholdFacts.Member> members = facts.members();
        for (int i = 0; i < members.size(); i++) {
            if (Boolean.TRUE.equals(members.get(i).student())) {
                evidence.reason("member " + (i + 1) + " is in school");
                return evidence.conclude(Outcome.ELIGIBLE);
            }
        }
        if (members.isEmpty()) {
            evidence.missing("household.members", "whether a member is in school is not known");
        }
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).student() == null) {
                evidence.missing(
                        "household.members[" + i + "].student",
                        "member " + (i + 1) + ": whether they are in school is not known");
            }
        }
        return evidence.complete() ? evidence.against("no member is in school") : evidence.conclude(Outcome.ELIGIBLE);
    }
}
