package hotline.gateway.criteria;

import java.math.BigDecimal;
import java.util.List;

/**
 * 特困供养: no legal supporter, income below the subsistence standard, and no member able to work: each member is
 * elderly, a minor, severely disabled, or known to be unable to work. Any fact against it decides at once; a
 * missing fact asks a visit.
 */
final class SpecialHardshipRule implements Rule {

    static final ParameterRef ELDERLY_AGE = new ParameterRef(Program.SPECIAL_HARDSHIP, "elderly-age", "elderly age");
    static final ParameterRef MINOR_AGE = new ParameterRef(Program.SPECIAL_HARDSHIP, "minor-age", "minor age");
    static final ParameterRef SEVERE_DISABILITY =
            new ParameterRef(Program.SPECIAL_HARDSHIP, "severe-disability-grade", "severe disability grade");

    @Override
    public List<ParameterRef> parameters() {
        return List.of(Lines.SUBSISTENCE_STANDARD, ELDERLY_AGE, MINOR_AGE, SEVERE_DISABILITY);
    }

    @Override
    public Finding assess(HouseholdFacts facts, ValuesInForce values) {
        Evidence evidence = new Evidence();
        if (Boolean.TRUE.equals(facts.hasLegalSupporter())) {
            return evidence.against("the household has a legal supporter able to support it");
        }
        if (facts.hasLegalSupporter() == null) {
            evidence.missing(
                    "household.hasLegalSupporter",
                    "whether someone is legally bound and able to support the household is not known");
        } else {
            evidence.reason("no legal supporter");
        }
        if (!evidence.incomeBelow(facts, Lines.subsistence(values))) {
            return evidence.against();
        }
        if (facts.members().isEmpty()) {
            evidence.missing("household.members", "the members' ages and ability to work are not known");
        }
        for (int i = 0; i < facts.members().size(); i++) {
            HouseholdFacts.Member member = facts.members().get(i);
            String unable = unableToWork(member, values);
            if (unable != null) {
                evidence.reason("member " + (i + 1) + ": " + unable);
            } else if (Boolean.TRUE.equals(member.ableToWork())) {
                return evidence.against("member " + (i + 1) + " is able to work");
            } else {
                evidence.missing(
                        "household.members[" + i + "].ableToWork",
                        "member " + (i + 1) + ": whether they can work is not known");
            }
        }
        return evidence.conclude(Outcome.ELIGIBLE);
    }

    /** Why this member cannot be expected to work, or null when nothing known says so. */
    private static String unableToWork(HouseholdFacts.Member member, ValuesInForce values) {
        if (member.age() != null) {
            ParameterValue elderly = values.get(ELDERLY_AGE);
            if (BigDecimal.valueOf(member.age()).compareTo(elderly.value()) >= 0) {
                return "age " + member.age() + " ≥ " + elderly.cite(ELDERLY_AGE.label());
            }
            ParameterValue minor = values.get(MINOR_AGE);
            if (BigDecimal.valueOf(member.age()).compareTo(minor.value()) < 0) {
                return "age " + member.age() + " < " + minor.cite(MINOR_AGE.label());
            }
        }
        if (member.disabilityGrade() != null) {
            ParameterValue severe = values.get(SEVERE_DISABILITY);
            if (BigDecimal.valueOf(member.disabilityGrade()).compareTo(severe.value()) <= 0) {
                return "disability grade " + member.disabilityGrade() + " within "
                        + severe.cite(SEVERE_DISABILITY.label());
            }
        }
        return Boolean.FALSE.equals(member.ableToWork()) ? "unable to work" : null;
    }
}
