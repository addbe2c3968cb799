package hotline.gateway.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.criteria.Assessment.ProgramAssessment;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules under the criteria files the gateway ships (config/criteria). */
class AssessorTest {

    private static final Criteria CRITERIA = CriteriaFiles.load(Path.of("config/criteria"));
    private static final Assessor ASSESSOR = new Assessor(CRITERIA, ZoneId.of("Asia/Shanghai"));

    private static HouseholdFacts household(int size, int income, HouseholdFacts.Member... members) {
        return new HouseholdFacts(size, BigDecimal.valueOf(income), null, null, null, Arrays.asList(members));
    }

    /** Adults only, their ages given: the minor standard cannot apply. */
    private static HouseholdFacts adults(int size, int income) {
        HouseholdFacts.Member[] members = new HouseholdFacts.Member[size];
        Arrays.fill(members, aged(40));
        return household(size, income, members);
    }

    private static HouseholdFacts.Member aged(int age) {
        return new HouseholdFacts.Member(age, null, null, null, null, null);
    }

    private static ProgramAssessment program(Assessment assessment, Program program) {
        return assessment.programs().stream()
                .filter(p -> p.program() == program)
                .findFirst()
                .orElseThrow();
    }

    private static ProgramAssessment subsistence(HouseholdFacts facts, String receivedAt) {
        return program(
                ASSESSOR.assess(Set.of(NeedCode.SUBSISTENCE), facts, OffsetDateTime.parse(receivedAt)),
                Program.SUBSISTENCE_ALLOWANCE);
    }

    @Test
    void theStandardInForceIsTheOneOfTheDayTheRequestWasReceived() {
        // 3 people, 3,800 CNY: 1,266.67 each, above the old standard 1,240 and below the new 1,330.
        HouseholdFacts facts = adults(3, 3800);

        ProgramAssessment before = subsistence(facts, "2021-06-30T10:00:00+08:00");
        ProgramAssessment after = subsistence(facts, "2021-07-01T10:00:00+08:00");

        assertThat(before.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(before.reasons())
                .containsExactly(
                        "per-capita income 1,266.67 is not below subsistence standard 1,240 (from 2020-04-01)");
        assertThat(after.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(after.reasons())
                .containsExactly("per-capita income 1,266.67 < subsistence standard 1,330 (from 2021-07-01)");
    }

    @Test
    void theDayIsTheCitysDayNotTheOffsetsDay() {
        HouseholdFacts facts = adults(3, 3800);

        assertThat(subsistence(facts, "2021-06-30T23:59:59+08:00").outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(subsistence(facts, "2021-07-01T00:00:00+08:00").outcome()).isEqualTo(Outcome.ELIGIBLE);
        // 16:30 UTC on 30 June is 00:30 on 1 July in Shanghai; 15:59 UTC is still 30 June there.
        assertThat(subsistence(facts, "2021-06-30T16:30:00Z").outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(subsistence(facts, "2021-06-30T15:59:59Z").outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(ASSESSOR.assess(Set.of(NeedCode.SUBSISTENCE), facts, OffsetDateTime.parse("2021-06-30T16:30:00Z"))
                        .date())
                .isEqualTo(LocalDate.of(2021, 7, 1));
    }

    @Test
    void incomeExactlyAtTheStandardIsNotEligibleOneYuanLessIs() {
        ProgramAssessment at = subsistence(adults(2, 2660), "2021-07-01T09:00:00+08:00");
        ProgramAssessment below = subsistence(adults(2, 2659), "2021-07-01T09:00:00+08:00");

        assertThat(at.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(at.reasons())
                .containsExactly("per-capita income 1,330 is not below subsistence standard 1,330 (from 2021-07-01)");
        assertThat(below.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(below.reasons())
                .containsExactly("per-capita income 1,329.5 < subsistence standard 1,330 (from 2021-07-01)");
    }

    @Test
    void childrenCountAtTheMinorStandard() {
        // Two adults and two children: 2 × 1,330 + 2 × 1,730 = 6,120.
        HouseholdFacts facts = household(4, 6000, aged(41), aged(38), aged(12), aged(17));
        ProgramAssessment eligible = subsistence(facts, "2021-07-01T09:00:00+08:00");

        assertThat(eligible.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(eligible.reasons())
                .containsExactly("household income 6,000 < household standard 6,120 = 2 × "
                        + "subsistence standard 1,330 (from 2021-07-01) + 2 under 18 × "
                        + "minor standard 1,730 (from 2021-07-01)");
        // Per capita (1,500) the family would be above the adult standard: the minor standard is what decides.
        assertThat(subsistence(household(4, 6000, aged(41), aged(38), aged(19), aged(18)), "2021-07-01T09:00:00+08:00")
                        .outcome())
                .isEqualTo(Outcome.NOT_ELIGIBLE);
        // The day before, the standards were 1,240 and 1,615: 2 × 1,240 + 2 × 1,615 = 5,710.
        ProgramAssessment before = subsistence(facts, "2021-06-30T09:00:00+08:00");
        assertThat(before.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(before.reasons().get(0)).startsWith("household income 6,000 is not below household standard 5,710");
    }

    @Test
    void membersOfUnknownAgeAreAskedAboutWhenOnlyTheirAgeCouldDecide() {
        // 4 people, 2 listed adults: 5,500 is not below 4 × 1,330 = 5,320 but is below 2 × 1,330 + 2 × 1,730.
        ProgramAssessment unsure = subsistence(household(4, 5500, aged(41), aged(38)), "2021-07-01T09:00:00+08:00");
        assertThat(unsure.outcome()).isEqualTo(Outcome.NEEDS_ASSESSMENT);
        assertThat(unsure.missingFacts()).containsExactly("household.members[].age");
        // 7,000 is not below even if both were children.
        assertThat(subsistence(household(4, 7000, aged(41), aged(38)), "2021-07-01T09:00:00+08:00")
                        .outcome())
                .isEqualTo(Outcome.NOT_ELIGIBLE);
    }

    @Test
    void missingFactsAskForAHomeVisitNamingThem() {
        ProgramAssessment noFacts = subsistence(null, "2026-03-01T09:00:00+08:00");
        assertThat(noFacts.outcome()).isEqualTo(Outcome.NEEDS_ASSESSMENT);
        assertThat(noFacts.missingFacts()).containsExactly("household.monthlyIncome", "household.size");

        HouseholdFacts noIncome = new HouseholdFacts(2, null, null, null, null, List.of());
        ProgramAssessment missingIncome = subsistence(noIncome, "2026-03-01T09:00:00+08:00");
        assertThat(missingIncome.outcome()).isEqualTo(Outcome.NEEDS_ASSESSMENT);
        assertThat(missingIncome.missingFacts()).containsExactly("household.monthlyIncome");
        assertThat(missingIncome.reasons()).containsExactly("the household's monthly income is not known");
    }

    @Test
    void theSizeComesFromTheMembersListedWhenNotGiven() {
        HouseholdFacts facts =
                new HouseholdFacts(null, BigDecimal.valueOf(2000), null, null, null, List.of(aged(70), aged(68)));
        assertThat(subsistence(facts, "2026-03-01T09:00:00+08:00").reasons())
                .containsExactly("per-capita income 1,000 < subsistence standard 1,330 (from 2021-07-01)");
    }

    @Test
    void oneRequestIsAssessedForEveryProgramServingItsNeeds() {
        // An elderly couple, no supporter, 2,400 CNY; needs subsistence and medical help.
        HouseholdFacts facts = new HouseholdFacts(
                2,
                BigDecimal.valueOf(2400),
                null,
                false,
                false,
                List.of(
                        new HouseholdFacts.Member(78, null, true, null, null, null),
                        new HouseholdFacts.Member(75, 2, false, null, null, null)));
        Assessment assessment =
                ASSESSOR.assess(List.of(NeedCode.SUBSISTENCE, NeedCode.MEDICAL), facts, LocalDate.of(2026, 3, 1));

        assertThat(assessment.criteriaVersion()).isEqualTo(CRITERIA.version()).hasSize(12);
        assertThat(assessment.programs())
                .extracting(ProgramAssessment::program, ProgramAssessment::outcome)
                .containsExactly(
                        tuple(Program.SUBSISTENCE_ALLOWANCE, Outcome.ELIGIBLE),
                        tuple(Program.LOW_INCOME_FAMILY, Outcome.NOT_ELIGIBLE),
                        tuple(Program.SPECIAL_HARDSHIP, Outcome.ELIGIBLE),
                        tuple(Program.TEMPORARY_ASSISTANCE, Outcome.LIKELY),
                        tuple(Program.MEDICAL_ASSISTANCE, Outcome.ELIGIBLE),
                        tuple(Program.SUBDISTRICT_ASSISTANCE, Outcome.LIKELY));
        assertThat(program(assessment, Program.SPECIAL_HARDSHIP).reasons())
                .contains(
                        "member 1: age 78 ≥ elderly age 60 (from 2020-04-01)",
                        "member 2: age 75 ≥ elderly age 60 (from 2020-04-01)");
        assertThat(program(assessment, Program.MEDICAL_ASSISTANCE).reasons())
                .containsExactly(
                        "per-capita income 1,200 < low-income line 2,660 = low-income multiple 2 (from 2020-04-01) × "
                                + "subsistence standard 1,330 (from 2021-07-01)");
        assertThat(assessment.urgent()).isFalse();
    }

    @Test
    void aSuddenCrisisMakesTemporaryAssistanceUrgent() {
        HouseholdFacts facts = new HouseholdFacts(3, BigDecimal.valueOf(9000), null, true, null, List.of());
        Assessment assessment = ASSESSOR.assess(List.of(NeedCode.EMERGENCY), facts, LocalDate.of(2026, 3, 1));

        ProgramAssessment temporary = program(assessment, Program.TEMPORARY_ASSISTANCE);
        assertThat(temporary.outcome()).isEqualTo(Outcome.LIKELY);
        assertThat(temporary.urgent()).isTrue();
        assertThat(assessment.urgent()).isTrue();
        assertThat(assessment.urgencyReasons()).singleElement().asString().startsWith("TEMPORARY_ASSISTANCE: sudden");
    }

    @Test
    void lowIncomeFamiliesStartAtTheSubsistenceStandard() {
        Assessment atStandard =
                ASSESSOR.assess(List.of(NeedCode.SUBSISTENCE), adults(2, 2660), LocalDate.of(2026, 3, 1));
        assertThat(program(atStandard, Program.LOW_INCOME_FAMILY).outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(program(atStandard, Program.SUBSISTENCE_ALLOWANCE).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        Assessment atLine = ASSESSOR.assess(List.of(NeedCode.SUBSISTENCE), adults(2, 5320), LocalDate.of(2026, 3, 1));
        assertThat(program(atLine, Program.LOW_INCOME_FAMILY).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
    }

    @Test
    void aHouseholdWithAChildUnderTheMinorStandardIsASubsistenceCaseNotALowIncomeOne() {
        // An adult and a child, 2,800 CNY: 1,400 each is above 1,330, but below 1,330 + 1,730 = 3,060 together.
        Assessment assessment = ASSESSOR.assess(
                List.of(NeedCode.SUBSISTENCE), household(2, 2800, aged(40), aged(9)), LocalDate.of(2026, 3, 1));
        assertThat(program(assessment, Program.SUBSISTENCE_ALLOWANCE).outcome()).isEqualTo(Outcome.ELIGIBLE);
        ProgramAssessment lowIncome = program(assessment, Program.LOW_INCOME_FAMILY);
        assertThat(lowIncome.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(lowIncome.reasons())
                .singleElement()
                .asString()
                .contains("household standard 3,060")
                .endsWith("the subsistence allowance applies instead");
    }

    @Test
    void specialHardshipNeedsEveryMemberUnableToWork() {
        HouseholdFacts facts = new HouseholdFacts(
                2,
                BigDecimal.valueOf(1000),
                null,
                null,
                false,
                List.of(aged(70), new HouseholdFacts.Member(40, null, null, true, null, null)));
        ProgramAssessment notEligible = program(
                ASSESSOR.assess(List.of(NeedCode.ELDERLY_CARE), facts, LocalDate.of(2026, 3, 1)),
                Program.SPECIAL_HARDSHIP);
        assertThat(notEligible.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(notEligible.reasons()).contains("member 2 is able to work");

        HouseholdFacts unknown =
                new HouseholdFacts(2, BigDecimal.valueOf(1000), null, null, null, List.of(aged(70), aged(40)));
        ProgramAssessment visit = program(
                ASSESSOR.assess(List.of(NeedCode.ELDERLY_CARE), unknown, LocalDate.of(2026, 3, 1)),
                Program.SPECIAL_HARDSHIP);
        assertThat(visit.outcome()).isEqualTo(Outcome.NEEDS_ASSESSMENT);
        assertThat(visit.missingFacts())
                .containsExactly("household.hasLegalSupporter", "household.members[1].ableToWork");
    }

    @Test
    void employmentAndEducationLookAtTheMembers() {
        HouseholdFacts facts = new HouseholdFacts(
                3,
                BigDecimal.valueOf(4000),
                null,
                null,
                null,
                List.of(
                        new HouseholdFacts.Member(45, null, null, true, true, false),
                        new HouseholdFacts.Member(44, null, null, null, null, null),
                        new HouseholdFacts.Member(15, null, null, null, null, true)));
        Assessment assessment =
                ASSESSOR.assess(List.of(NeedCode.EMPLOYMENT, NeedCode.EDUCATION), facts, LocalDate.of(2026, 3, 1));
        assertThat(program(assessment, Program.EMPLOYMENT_ASSISTANCE).outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(program(assessment, Program.EMPLOYMENT_ASSISTANCE).reasons())
                .contains("member 1: age 45 within "
                        + "working age from 16 (from 2020-04-01) and working age until 60 (from 2020-04-01), "
                        + "able to work, "
                        + "without work");
        assertThat(program(assessment, Program.EDUCATION_ASSISTANCE).outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void medicalCostsCanBringAHouseholdBelowTheLine() {
        HouseholdFacts facts =
                new HouseholdFacts(2, BigDecimal.valueOf(6000), BigDecimal.valueOf(1500), null, null, List.of());
        ProgramAssessment medical = program(
                ASSESSOR.assess(List.of(NeedCode.MEDICAL), facts, LocalDate.of(2026, 3, 1)),
                Program.MEDICAL_ASSISTANCE);
        assertThat(medical.outcome()).isEqualTo(Outcome.LIKELY);
        assertThat(medical.reasons())
                .contains("per-capita income after medical costs 2,250 < low-income line 2,660"
                        + " = low-income multiple 2 (from 2020-04-01) × subsistence standard 1,330 (from 2021-07-01)");
        HouseholdFacts noCosts = new HouseholdFacts(2, BigDecimal.valueOf(6000), null, null, null, List.of());
        assertThat(program(
                                ASSESSOR.assess(List.of(NeedCode.MEDICAL), noCosts, LocalDate.of(2026, 3, 1)),
                                Program.MEDICAL_ASSISTANCE)
                        .missingFacts())
                .containsExactly("household.monthlyMedicalCosts");
    }

    @Test
    void aDayBeforeAnyValueIsInForceIsForAnOfficerToDecide() {
        ProgramAssessment early = program(
                ASSESSOR.assess(List.of(NeedCode.SUBSISTENCE), household(2, 1000), LocalDate.of(2019, 1, 1)),
                Program.SUBSISTENCE_ALLOWANCE);
        assertThat(early.outcome()).isEqualTo(Outcome.NEEDS_ASSESSMENT);
        assertThat(early.reasons())
                .containsExactly(
                        "no subsistence standard (SUBSISTENCE_ALLOWANCE.income-standard) is in force on 2019-01-01");
    }

    @Test
    void needsNoProgramServesGiveNoPrograms() {
        assertThat(ASSESSOR.assess(List.of(NeedCode.URBAN_MANAGEMENT), household(2, 1000), LocalDate.of(2026, 3, 1))
                        .hasPrograms())
                .isFalse();
        assertThat(ASSESSOR.assess(List.of(NeedCode.OTHER), null, LocalDate.of(2026, 3, 1))
                        .hasPrograms())
                .isFalse();
    }

    @Test
    void criteriaInForceListTheValuesOfTheDay() {
        CriteriaInForce before = CRITERIA.inForce(LocalDate.of(2021, 6, 30));
        CriteriaInForce after = CRITERIA.inForce(LocalDate.of(2021, 7, 1));
        assertThat(standard(before).value()).isEqualByComparingTo("1240");
        assertThat(standard(after).value()).isEqualByComparingTo("1330");
        assertThat(standard(after).from()).isEqualTo(LocalDate.of(2021, 7, 1));
        assertThat(after.programs()).hasSize(Program.values().length);
        assertThat(CRITERIA.inForce(LocalDate.of(2019, 1, 1)).programs().get(0).parameters())
                .isEmpty();
    }

    private static ParameterValue standard(CriteriaInForce inForce) {
        return inForce.programs().stream()
                .filter(p -> p.program() == Program.SUBSISTENCE_ALLOWANCE)
                .findFirst()
                .orElseThrow()
                .parameters()
                .get("income-standard");
    }
}
