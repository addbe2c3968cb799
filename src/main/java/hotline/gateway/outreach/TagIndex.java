package hotline.gateway.outreach;

import hotline.gateway.outreach.rules.Expr;
import hotline.gateway.outreach.rules.LabelDictionary;
import hotline.gateway.outreach.rules.LabelQuery;
import hotline.gateway.outreach.rules.RuleSyntaxException;
import hotline.gateway.outreach.rules.SqlPredicate;
import hotline.gateway.security.Caller;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tag index: households or persons by labels combined with and, or, not (query=DIBAO and not CHRONIC_ILLNESS),
 * counted per district, town or community, and listed a page at a time; an office sees its own area only.
 * Pseudonyms, codes and labels only: no names, no addresses.
 */
public class TagIndex {

    static final int PAGE_SIZE = 50;
    private static final Map<String, String> LEVELS =
            Map.of("district", "district_code", "town", "town_code", "community", "community_code");

    private final ReadRepository reads;
    private final LabelFiles labels;

    public TagIndex(ReadRepository reads, LabelFiles labels) {
        this.reads = reads;
        this.labels = labels;
    }

    /** query (required), unit household|person, groupBy district|town|community, area (a code), list, page. */
    public Map<String, Object> search(Map<String, Object> parameters, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        String query = text(parameters, "query");
        LabelDictionary dictionary = labels.read();
        SqlPredicate predicate = null;
        if (query == null) {
            errors.add(
                    new FieldError("query", "is required: label codes with and, or, not (e.g. DIBAO and not TEKUN)"));
        } else {
            try {
                Expr expr = LabelQuery.parse(query, dictionary.codes());
                predicate = LabelQuery.toSql(expr, "x.labels", dictionary.codes());
            } catch (RuleSyntaxException e) {
                errors.add(new FieldError("query", e.getMessage()));
            }
        }
        String unit = choice(parameters, "unit", List.of("household", "person"), "household", errors);
        String groupBy = choice(parameters, "groupBy", List.of("district", "town", "community"), "town", errors);
        String area = text(parameters, "area");
        String areaColumn = null;
        if (area != null) {
            areaColumn = switch (area.length()) {
                case 6 -> "district_code";
                case 9 -> "town_code";
                case 12 -> "community_code";
                default -> null;
            };
            if (areaColumn == null || !area.chars().allMatch(Character::isDigit)) {
                errors.add(new FieldError("area", "must be a district's 6, a town's 9 or a community's 12-digit code"));
            }
        }
        boolean list = "true".equals(text(parameters, "list"));
        int page = 0;
        String pageText = text(parameters, "page");
        if (pageText != null) {
            try {
                page = Integer.parseInt(pageText);
                if (page < 0 || page > 100_000) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("page", "must be a whole number from 0"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        OutreachScope scope = OutreachScope.of(caller);
        if (area != null && !scope.covers(area)) {
            throw new HttpProblemException(403, "Forbidden", "area", "is outside the caller's area " + scope.code());
        }
        ReadRepository.Where where = ReadRepository.where(unit, predicate, scope, areaColumn, area);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("query", query);
        answer.put("unit", unit);
        answer.put("scope", scope.city() ? "city" : scope.code());
        answer.put("total", reads.count(unit, where));
        List<Map<String, Object>> groups = new ArrayList<>();
        reads.countBy(unit, where, LEVELS.get(groupBy)).forEach((code, count) -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put(groupBy, code);
            group.put("count", count);
            groups.add(group);
        });
        answer.put("groups", groups);
        if (list) {
            answer.put("page", page);
            answer.put("items", reads.page(unit, where, page, PAGE_SIZE));
        }
        return answer;
    }

    static String text(Map<String, Object> parameters, String name) {
        Object value = parameters.get(name);
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().strip();
    }

    private static String choice(
            Map<String, Object> parameters,
            String name,
            List<String> allowed,
            String otherwise,
            List<FieldError> errors) {
        String value = text(parameters, name);
        if (value == null) {
            return otherwise;
        }
        if (!allowed.contains(value)) {
            errors.add(new FieldError(name, "must be one of " + String.join(", ", allowed)));
            return otherwise;
        }
        return value;
    }
}
