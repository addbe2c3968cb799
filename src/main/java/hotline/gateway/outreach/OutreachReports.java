package hotline.gateway.outreach;

import hotline.gateway.outreach.rules.LabelDefinition;
import hotline.gateway.outreach.rules.LabelDictionary;
import hotline.gateway.security.Caller;
import hotline.gateway.validation.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outreach figures for managers (docs/outreach.md): households flagged per label and area, found proactively (FEED)
 * versus by call (HOTLINE, COMMUNITY), visit tickets opened, resolved and visited on time, and their outcomes. Counts
 * from 1 to 4 are shown as "<5". A community-level user sees its community only.
 */
public class OutreachReports {

    private static final Map<String, String> LEVELS =
            Map.of("district", "district_code", "town", "town_code", "community", "community_code");

    private final ReadRepository reads;
    private final LabelFiles labels;

    public OutreachReports(ReadRepository reads, LabelFiles labels) {
        this.reads = reads;
        this.labels = labels;
    }

    public Map<String, Object> report(Map<String, Object> parameters, Caller caller) {
        String groupBy = TagIndex.text(parameters, "groupBy");
        if (groupBy == null) {
            groupBy = "town";
        }
        String column = LEVELS.get(groupBy);
        if (column == null) {
            throw InvalidInputException.of("groupBy", "must be district, town or community");
        }
        OutreachScope scope = OutreachScope.of(caller);
        LabelDictionary dictionary = labels.read();
        List<Map<String, Object>> flagged = reads.flaggedPerLabel(scope, column);
        for (Map<String, Object> row : flagged) {
            LabelDefinition label = dictionary.label((String) row.get("label"));
            if (label != null) {
                row.put("labelZh", label.nameZh());
                row.put("labelEn", label.nameEn());
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("scope", scope.city() ? "city" : scope.code());
        answer.put("groupBy", groupBy);
        answer.put("flaggedPerLabel", masked(flagged));
        answer.put("foundBy", masked(reads.foundBy(scope, column)));
        answer.put("visits", masked(reads.visits(scope, column)));
        answer.put("note", "counts from 1 to 4 are shown as <5");
        return answer;
    }

    /** Every count from 1 to 4 becomes "<5"; codes and names stay. */
    static List<Map<String, Object>> masked(List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            row.replaceAll(
                    (name, value) -> value instanceof Number n && !(name.equals("area")) ? mask(n.longValue()) : value);
        }
        return rows;
    }

    static Object mask(long count) {
        return count > 0 && count < 5 ? "<5" : count;
    }
}
