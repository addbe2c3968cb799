package hotline.gateway.ticket;

import hotline.gateway.criteria.HouseholdFacts;
import java.util.List;

/** A request's household as the assistance criteria read it: the criteria package knows nothing of intake. */
public final class CriteriaFacts {

    private CriteriaFacts() {}

    public static HouseholdFacts of(Household household) {
        if (household == null) {
            return HouseholdFacts.UNKNOWN;
        }
        List<HouseholdFacts.Member> members = household.members() == null
                ? List.of()
                : household.members().stream()
                        .map(member -> new HouseholdFacts.Member(
                                member.age(),
                                member.disabilityGrade(),
                                member.chronicIllness(),
                                member.ableToWork(),
                                member.unemployed(),
                                member.student()))
                        .toList();
        return new HouseholdFacts(
                household.size(),
                household.monthlyIncome(),
                household.monthlyMedicalCosts(),
                household.suddenHardship(),
                household.hasLegalSupporter(),
                members);
    }
}
