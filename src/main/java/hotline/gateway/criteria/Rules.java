package hotline.gateway.criteria;

import java.util.EnumMap;
import java.util.Map;

/** The rule of each program: code, while the values it reads are data in config/criteria/. */
final class Rules {

    private static final Map<Program, Rule> RULES = new EnumMap<>(Map.of(
            Program.SUBSISTENCE_ALLOWANCE, new SubsistenceAllowanceRule(),
            Program.LOW_INCOME_FAMILY, new LowIncomeFamilyRule(),
            Program.SPECIAL_HARDSHIP, new SpecialHardshipRule(),
            Program.TEMPORARY_ASSISTANCE, new TemporaryAssistanceRule(),
            Program.MEDICAL_ASSISTANCE, new MedicalAssistanceRule(),
            Program.EDUCATION_ASSISTANCE, new EducationAssistanceRule(),
            Program.HOUSING_ASSISTANCE, IncomeLimitRule.housing(),
            Program.EMPLOYMENT_ASSISTANCE, new EmploymentAssistanceRule(),
            Program.SUBDISTRICT_ASSISTANCE, IncomeLimitRule.subdistrict()));

    private Rules() {}

    static Rule of(Program program) {
        return RULES.get(program);
    }
}
