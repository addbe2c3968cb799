package hotline.gateway.criteria;

/**
 * The assistance programs whose rules the gateway knows. Which needs a program serves, and the values its rule
 * uses, come from config/criteria/; a program absent from there is not assessed.
 */
public enum Program {
    SUBSISTENCE_ALLOWANCE,
    LOW_INCOME_FAMILY,
    SPECIAL_HARDSHIP,
    TEMPORARY_ASSISTANCE,
    MEDICAL_ASSISTANCE,
    EDUCATION_ASSISTANCE,
    HOUSING_ASSISTANCE,
    EMPLOYMENT_ASSISTANCE,
    SUBDISTRICT_ASSISTANCE
}
