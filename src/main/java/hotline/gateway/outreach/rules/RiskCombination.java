package hotline.gateway.outreach.rules;

/**
 * A combination of labels that makes a household a finding by itself (the labels only, whatever the criteria say),
 * e.g. {@code ELDERLY_80_ALONE and (CHRONIC_ILLNESS or SEVERE_ILLNESS)}.
 *
 * @param when a label query: label codes combined with and, or, not
 */
public record RiskCombination(String code, String nameZh, String nameEn, String when, int risk, Expr expr) {}
