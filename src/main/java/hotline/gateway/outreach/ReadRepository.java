package hotline.gateway.outreach;

import hotline.gateway.outreach.rules.SqlPredicate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads of the register for people: the tag index (counts and pages of households or persons by a label query and
 * area), one household's facts (with its access logged in the same transaction), and the outreach report's figures.
 * Every area condition and value is bound; column names come from fixed lists only.
 */
@Repository
public class ReadRepository {

    static final List<String> AREA_COLUMNS = List.of("district_code", "town_code", "community_code");

    private final JdbcTemplate jdbc;

    public ReadRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The table and the condition that keeps a unit's live rows. */
    static String table(String unit) {
        return unit.equals("person") ? "outreach_person x" : "outreach_household x";
    }

    private static String live(String unit) {
        return unit.equals("person") ? "true" : "x.active";
    }

    record Where(String sql, List<Object> params) {}

    static Where where(String unit, SqlPredicate query, OutreachScope scope, String areaColumn, String area) {
        StringBuilder sql = new StringBuilder(live(unit)).append(" AND ").append(query.sql());
        List<Object> params = new ArrayList<>(query.params());
        if (!scope.city()) {
            sql.append(" AND x.").append(checked(scope.column())).append(" = ?");
            params.add(scope.code());
        }
        if (area != null) {
            sql.append(" AND x.").append(checked(areaColumn)).append(" = ?");
            params.add(area);
        }
        return new Where(sql.toString(), params);
    }

    long count(String unit, Where where) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM " + table(unit) + " WHERE " + where.sql(),
                Long.class,
                where.params().toArray());
        return count == null ? 0 : count;
    }

    Map<String, Long> countBy(String unit, Where where, String groupColumn) {
        Map<String, Long> counts = new LinkedHashMap<>();
        String column = "x." + checked(groupColumn);
        jdbc.query(
                "SELECT " + column + ", count(*) FROM " + table(unit) + " WHERE " + where.sql() + " GROUP BY " + column
                        + " ORDER BY " + column,
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                },
                where.params().toArray());
        return counts;
    }

    List<Map<String, Object>> page(String unit, Where where, int page, int size) {
        String columns = unit.equals("person")
                ? "x.person AS key, x.household, x.community_code, x.town_code, x.age, x.labels::text AS labels"
                : "x.key, x.found_by, x.call_found_by, x.community_code, x.town_code, x.size, x.receives::text AS receives,"
                        + " x.labels::text AS labels, x.last_outcome";
        List<Object> params = new ArrayList<>(where.params());
        params.add(size);
        params.add((long) page * size);
        return jdbc.queryForList(
                "SELECT " + columns + " FROM " + table(unit) + " WHERE " + where.sql() + " ORDER BY 1 LIMIT ? OFFSET ?",
                params.toArray());
    }

    /** A household's row and its persons' facts, names and phones left to the caller to mask. */
    Map<String, Object> household(String key) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT key, found_by, call_found_by, ticket_no, community_code, town_code, district_code, address, size, income,
                       income_source, per_capita_income, medical_costs_monthly, education_costs_monthly,
                       receives::text AS receives, labels::text AS labels, last_outcome, last_outcome_at, last_visit_at
                FROM outreach_household WHERE key = ?
                """, key);
        return rows.isEmpty() ? null : rows.get(0);
    }

    List<Map<String, Object>> persons(String household) {
        return jdbc.queryForList("""
                SELECT person, age, living_alone, name, phone, programs::text AS programs, assessed_income,
                       chronic_illness, severe_illness, hospital_days, medical_costs_monthly, unemployed, pension,
                       benefits, employment_assistance, student, fee_waiver, education_grant, disability_grade,
                       labels::text AS labels
                FROM outreach_person WHERE household = ? ORDER BY age DESC NULLS LAST, person
                """, household);
    }

    /** Where each feed's facts of the household's persons came from: feed, snapshot date, line. */
    List<Map<String, Object>> provenance(String household) {
        return jdbc.queryForList("""
                SELECT f.feed, f.snapshot_date, f.line_no, p.person
                FROM outreach_person p JOIN outreach_fact f ON f.person = p.person
                JOIN (SELECT feed, max(snapshot_date) AS d FROM outreach_snapshot GROUP BY feed) l
                  ON l.feed = f.feed AND l.d = f.snapshot_date
                WHERE p.household = ?
                ORDER BY p.person, f.feed
                """, household);
    }

    void logAccess(String reader, String readerKind, String household, String purpose, Instant at) {
        jdbc.update(
                "INSERT INTO outreach_access_log (reader, reader_kind, household, purpose, read_at) VALUES (?, ?, ?, ?, ?)",
                reader,
                readerKind,
                household,
                purpose,
                Timestamp.from(at));
    }

    /** Households per label and area (the scope's, grouped by the column). */
    List<Map<String, Object>> flaggedPerLabel(OutreachScope scope, String groupColumn) {
        String column = "h." + checked(groupColumn);
        List<Object> params = new ArrayList<>();
        String scopeSql = scopeSql("h", scope, params);
        return jdbc.queryForList(
                "SELECT " + column + " AS area, l AS label, count(*) AS households FROM outreach_household h,"
                        + " unnest(h.labels) l WHERE h.active" + scopeSql + " GROUP BY 1, 2 ORDER BY 1, 2",
                params.toArray());
    }

    /** Households in the register per area by how they were found (FEED: proactively; HOTLINE, COMMUNITY: by call). */
    List<Map<String, Object>> foundBy(OutreachScope scope, String groupColumn) {
        String column = "h." + checked(groupColumn);
        List<Object> params = new ArrayList<>();
        String scopeSql = scopeSql("h", scope, params);
        return jdbc.queryForList(
                // A feed's household that a call found first counts as found by that call (CallHouseholds).
                "SELECT " + column + " AS area, coalesce(h.call_found_by, h.found_by) AS found_by,"
                        + " count(*) AS households, count(*) FILTER (WHERE cardinality(h.labels) > 0"
                        + " OR coalesce(h.call_found_by, h.found_by) <> 'FEED') AS in_difficulty"
                        + " FROM outreach_household h WHERE h.active" + scopeSql + " GROUP BY 1, 2 ORDER BY 1, 2",
                params.toArray());
    }

    /** Visit tickets per area: opened, resolved, visited on time, and their outcomes. */
    List<Map<String, Object>> visits(OutreachScope scope, String groupColumn) {
        String column = "h." + checked(groupColumn);
        List<Object> params = new ArrayList<>();
        String scopeSql = scopeSql("h", scope, params);
        return jdbc.queryForList(
                "SELECT " + column + " AS area, count(*) AS opened,"
                        + " count(*) FILTER (WHERE a.resolve_met_at IS NOT NULL) AS resolved,"
                        + " count(*) FILTER (WHERE a.resolve_met_at <= a.resolve_due_at) AS visited_on_time,"
                        + " count(*) FILTER (WHERE e.outcome = 'NOW_RECEIVING') AS now_receiving,"
                        + " count(*) FILTER (WHERE e.outcome = 'APPLIED') AS applied,"
                        + " count(*) FILTER (WHERE e.outcome = 'NOT_ELIGIBLE') AS not_eligible,"
                        + " count(*) FILTER (WHERE e.outcome = 'REFUSED_HELP') AS refused_help,"
                        + " count(*) FILTER (WHERE e.outcome = 'NOT_FOUND_AT_ADDRESS') AS not_found_at_address"
                        + " FROM outreach_finding f"
                        + " JOIN outreach_household h ON h.key = f.household"
                        + " JOIN ticket t ON t.ticket_no = f.ticket_no"
                        + " JOIN ticket_assignment a ON a.ticket_id = t.id AND a.seq = 1"
                        + " LEFT JOIN LATERAL (SELECT ev.data ->> 'outcome' AS outcome FROM ticket_event ev"
                        + "   WHERE ev.ticket_id = t.id AND ev.type = 'RESOLVE' ORDER BY ev.id DESC LIMIT 1) e ON true"
                        + " WHERE f.status = 'OPENED'" + scopeSql + " GROUP BY 1 ORDER BY 1",
                params.toArray());
    }

    private static String scopeSql(String alias, OutreachScope scope, List<Object> params) {
        if (scope.city()) {
            return "";
        }
        params.add(scope.code());
        return " AND " + alias + "." + checked(scope.column()) + " = ?";
    }

    private static String checked(String column) {
        if (!AREA_COLUMNS.contains(column)) {
            throw new IllegalArgumentException("not an area column: " + column);
        }
        return column;
    }
}
