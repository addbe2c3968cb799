package hotline.gateway.outreach.rules;

/**
 * One label as defined in config/labels/: a code, its Chinese and English names, the department whose facts it reads,
 * the level and area that define it, whom it speaks of, its rule over the facts, and the risk it adds to a finding.
 *
 * @param areaCode the area of a district, sub-district or community label; null for the city
 * @param source   the file and entry that defined it, for messages
 */
public record LabelDefinition(
        String code,
        String nameZh,
        String nameEn,
        String department,
        LabelLevel level,
        String areaCode,
        LabelSubject subject,
        String rule,
        int risk,
        String source) {}
