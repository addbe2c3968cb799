package hotline.gateway.outreach;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Households found through calls and reports (keyed T:&lt;ticket number&gt;) merged into the household a feed names,
 * so the well-being list holds each household once. Two ways, never a guess:
 *
 * <ol>
 *   <li>by resident ID: the call named the person (caller.idNumber, subject.idNumber); the number's pseudonym,
 *       computed here and never stored, is a person of the register's household;
 *   <li>by address: the same address (spaces, full-width digits and a leading 上海市 and district name ignored) as
 *       exactly one active feed household of the same district (and town, when the call's town is known).
 * </ol>
 *
 * The call's household becomes inactive with {@code merged_into}; the feed's household keeps how it was first found
 * ({@code call_found_by}), so the reports still count it as found by a call. An address shared by two feed
 * households merges nothing.
 */
public class CallHouseholds {

    /** An address as both sides write it: no spaces, ASCII digits, without 上海市 and the district's name. */
    private static final String NORMAL = "regexp_replace(regexp_replace(translate(%s, '０１２３４５６７８９　',"
            + " '0123456789 '), '\\s+', '', 'g'), '^(上海市|上海)?([一-龥]{1,3}区)?', '')";

    private static final String CALLS_WITH_ID = """
            SELECT h.key, coalesce(r.subject ->> 'idNumber', '') AS id_number
            FROM outreach_household h
            JOIN ticket t ON t.ticket_no = h.ticket_no
            JOIN service_request r ON r.id = t.request_id
            WHERE h.found_by <> 'FEED' AND h.merged_into IS NULL AND r.subject ->> 'idNumber' IS NOT NULL
            """;

    private static final String MERGE_BY_PERSON = """
            UPDATE outreach_household c SET merged_into = p.household, merged_by = 'RESIDENT_ID', active = false,
                                            updated_at = ?
            FROM outreach_person p JOIN outreach_household f ON f.key = p.household AND f.active
            WHERE c.key = ? AND p.person = ? AND c.merged_into IS NULL
            """;

    private static final String MERGE_BY_ADDRESS =
            """
            UPDATE outreach_household c SET merged_into = m.feed_key, merged_by = 'ADDRESS', active = false,
                                            updated_at = ?
            FROM (
                SELECT c2.key AS call_key, min(f.key) AS feed_key
                FROM outreach_household c2
                JOIN outreach_household f
                  ON f.found_by = 'FEED' AND f.active AND f.district_code = c2.district_code
                 AND (c2.town_code IS NULL OR f.town_code = c2.town_code)
                 AND %1$s = %2$s
                WHERE c2.found_by <> 'FEED' AND c2.merged_into IS NULL AND c2.address IS NOT NULL
                  AND %2$s <> ''
                GROUP BY c2.key
                HAVING count(*) = 1
            ) m
            WHERE c.key = m.call_key
            """.formatted(NORMAL.formatted("f.address"), NORMAL.formatted("c2.address"));

    private static final String MARK_FOUND_BY_CALL = """
            UPDATE outreach_household f SET call_found_by = c.found_by
            FROM (SELECT DISTINCT ON (merged_into) merged_into, found_by FROM outreach_household
                  WHERE merged_into IS NOT NULL ORDER BY merged_into, updated_at) c
            WHERE f.key = c.merged_into AND f.call_found_by IS NULL
            """;

    private final JdbcTemplate jdbc;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    public CallHouseholds(JdbcTemplate jdbc, Pseudonyms pseudonyms, Clock clock) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** What a merge did: call households merged by resident ID and by address. */
    public record Merged(int byResidentId, int byAddress) {}

    /** Merges the call households a feed now names; run after the register is built. */
    public Merged merge() {
        Instant now = clock.instant();
        Pseudonyms keyed = pseudonyms.copy();
        List<Object[]> byPerson = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList(CALLS_WITH_ID)) {
            String id = (String) row.get("id_number");
            if (!id.isBlank()) {
                byPerson.add(new Object[] {Timestamp.from(now), row.get("key"), keyed.person(id)});
            }
        }
        int[] merged = jdbc.batchUpdate(MERGE_BY_PERSON, byPerson);
        int byResidentId = 0;
        for (int count : merged) {
            byResidentId += Math.max(count, 0);
        }
        int byAddress = jdbc.update(MERGE_BY_ADDRESS, Timestamp.from(now));
        jdbc.update(MARK_FOUND_BY_CALL);
        return new Merged(byResidentId, byAddress);
    }
}
