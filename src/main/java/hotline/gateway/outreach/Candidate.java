package hotline.gateway.outreach;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** A household the candidate query selected, with what the assessor and the visit ticket need. */
record Candidate(
        String key,
        String townCode,
        String communityCode,
        String districtCode,
        String address,
        Integer size,
        List<Member> members,
        BigDecimal income,
        String incomeSource,
        BigDecimal medicalCosts,
        Set<String> receives,
        Set<String> labels,
        String factsHash) {

    record Member(Integer age, Integer disabilityGrade, Boolean chronicIllness, Boolean unemployed, Boolean student) {}

    boolean incomeIsLowerBound() {
        return "LOWER_BOUND".equals(incomeSource);
    }
}
