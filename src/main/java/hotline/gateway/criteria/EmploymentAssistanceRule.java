package hotline.gateway.criteria;

import java.math.BigDecimal;
import java.util.List;

/**
 * 就业援助: a member of working age, able to work and without work, in a household below the low-income line.
 * Working age runs from the first age up to, not including, the second.
 */
final class EmploymentAssistanceRule implements Rule {

    static final ParameterRef WORKING_AGE_FROM =
            new ParameterRef(Program.EMPLOYMENT_ASSISTANCE, "working-age-from", "working age from");
    static final ParameterRef WORKING_AGE_UNTIL =
            new ParameterRef(Program.EMPLOYMENT_ASSISTANCE, "working-age-until", "working age until");

    @Override
    public List<ParameterRef> parameters() {
        return List.of(Lines.SUBSISTENCE_STANDARD, Lines.LOW_INCOME_MULTIPLE, WORKING_AGE_FROM, WORKING_AGE_UNTIL);
    }

    @Override
    public Finding assess(HouseholdFacts facts, ValuesInForce values) {
        Evidence evidence = new Evidence();
        if (!evidence.incomeBelow(facts, Lines.lowIncome(values))) {
            return evidence.against();
        }
        ParameterValue from = values.get(WORKING_AGE_FROM);
        ParameterValue until = values.get(WORKING_AGE_UNTIL);
        List<HouseholdFacts.Member> members = facts.members();
        for (int i = 0; i < members.size(); i++) {
            HouseholdFacts.Member member = members.get(i);
            if (member.age() != null
                    && workingAge(member.age(), from, until)
                    && Boolean.TRUE.equals(member.ableToWork())
                    && Boolean.TRUE.equals(member.unemployed())) {
                evidence.reason("member " + (i + 1) + ": age " + member.age() + " within "
                        + from.cite(WORKING_AGE_FROM.label()) + " and " + until.cite(WORKING_AGE_UNTIL.label())
                        + ", able to work, without work");
                return evidence.conclude(Outcome.ELIGIBLE);
            }
        }
        if (members.isEmpty()) {
            evidence.missing("household.members", "whether a member of working age is without work is not known");
        }
        for (int i = 0; i < members.size(); i++) {
            HouseholdFacts.Member member = members.get(i);
            boolean ruledOut = member.age() != null && !workingAge(member.age(), from, until)
                    || Boolean.FALSE.equals(member.ableToWork())
                    || Boolean.FALSE.equals(member.unemployed());
            if (!ruledOut) {
                String path = "household.members[" + i + "].";
                String who = "member " + (i + 1) + ": ";
                if (member.age() == null) {
                    evidence.missing(path + "age", who + "age not known");
                }
                if (member.ableToWork() == null) {
                    evidence.missing(path + "ableToWork", who + "whether they can work is not known");
                }
                if (member.unemployed() == null) {
                    evidence.missing(path + "unemployed", who + "whether they are without work is not known");
                }
            }
        }
        return evidence.complete()
                ? evidence.against("no member of working age is able to work and without work")
                : evidence.conclude(Outcome.ELIGIBLE);
    }

    private static boolean workingAge(int age, ParameterValue from, ParameterValue until) {
        BigDecimal years = BigDecimal.valueOf(age);
        return years.compareTo(from.value()) >= 0 && years.compareTo(until.value()) < 0;
    }
}
