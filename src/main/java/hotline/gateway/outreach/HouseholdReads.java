package hotline.gateway.outreach;

import hotline.gateway.privacy.PersonalData;
import hotline.gateway.security.Caller;
import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.validation.InvalidInputException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One household's facts for a person who must see them (an office preparing a visit, a manager checking a case):
 * the request states its purpose, and every read is logged (who, when, which household, the purpose) before the
 * facts are answered. Names and phones are masked; the visit ticket carries the contact. Outside the caller's area
 * a household is not found (404).
 */
public class HouseholdReads {

    private final ReadRepository reads;
    private final Clock clock;

    public HouseholdReads(ReadRepository reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    public Map<String, Object> read(String key, Map<String, Object> parameters, Caller caller) {
        String purpose = TagIndex.text(parameters, "purpose");
        if (purpose == null || purpose.length() < 5) {
            throw InvalidInputException.of(
                    "purpose", "is required: why the facts are read (5-200 characters), e.g. 'visit preparation'");
        }
        if (purpose.length() > 200) {
            throw InvalidInputException.of("purpose", "must be at most 200 characters");
        }
        Map<String, Object> household = key == null || key.length() > 80 ? null : reads.household(key);
        OutreachScope scope = OutreachScope.of(caller);
        if (household == null || !scope.covers(area(household, scope))) {
            throw new HttpProblemException(404, "Not found", "key", "no household " + key + " in the caller's area");
        }
        reads.logAccess(caller.id(), caller.kind(), key, purpose, clock.instant());
        List<Map<String, Object>> persons = reads.persons(key);
        for (Map<String, Object> person : persons) {
            person.put("name", PersonalData.maskName((String) person.get("name")));
            person.put("phone", PersonalData.maskPhone((String) person.get("phone")));
        }
        Map<String, Object> answer = new LinkedHashMap<>(household);
        answer.put("persons", persons);
        answer.put("provenance", reads.provenance(key));
        answer.put("purpose", purpose);
        return answer;
    }

    private static String area(Map<String, Object> household, OutreachScope scope) {
        if (scope.city()) {
            return null;
        }
        Object value = household.get(scope.column());
        return value == null ? "" : value.toString();
    }
}
