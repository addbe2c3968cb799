package hotline.gateway.outreach;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of matching: outcomes of visits and households of calls taken into the register, the candidates (set-based:
 * only households whose facts changed since they were last assessed, whose income after necessary costs is below the
 * widest line or who carry a label of a risk combination, with no open visit, no recent visit and no "not in need"
 * on the same facts), findings, and the findings an office's daily cap lets open.
 */
@Repository
public class MatchingRepository {

    /** Outcomes that mean "not in need (now)": not flagged again until the household's facts change. */
    static final String NOT_IN_NEED = "('NOT_ELIGIBLE', 'REFUSED_HELP', 'NOW_RECEIVING')";

    /**
     * A household of the feeds whose current facts no run has judged, not visited since the given time (the one
     * parameter), with no open visit: what a run may judge, and marks as judged afterwards.
     */
    private static final String UNJUDGED = """
            h.active AND h.found_by = 'FEED' AND h.facts_hash IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM outreach_household_matched m
                              WHERE m.key = h.key AND m.facts_hash = h.facts_hash)
              AND (h.last_visit_at IS NULL OR h.last_visit_at < ?)
              AND NOT EXISTS (SELECT 1 FROM outreach_finding f JOIN ticket t ON t.ticket_no = f.ticket_no
                              WHERE f.household = h.key AND t.status NOT IN ('RESOLVED', 'CLOSED'))
            """;

    private static final String ELIGIBLE = UNJUDGED + """
              AND NOT coalesce(h.last_outcome IN %s AND h.outcome_facts_hash = h.facts_hash, false)
              AND NOT EXISTS (SELECT 1 FROM outreach_finding f WHERE f.household = h.key AND f.status = 'DEFERRED')
              AND NOT EXISTS (SELECT 1 FROM outreach_household c JOIN ticket t ON t.ticket_no = c.ticket_no
                              WHERE c.merged_into = h.key AND t.status NOT IN ('RESOLVED', 'CLOSED'))
            """.formatted(NOT_IN_NEED);

    private static final String CANDIDATE = ELIGIBLE + """
              AND ((h.income IS NOT NULL AND h.size > 0
                    AND (h.income - h.medical_costs_monthly - h.education_costs_monthly) / h.size < ?)
                   OR h.labels && ?)
            """;

    private static final String SELECT_CANDIDATES = """
            SELECT h.key, h.town_code, h.community_code, h.district_code, h.address, h.size, h.members, h.income,
                   h.income_source, h.medical_costs_monthly, h.receives, h.labels, h.facts_hash
            FROM outreach_household h WHERE
            """ + CANDIDATE;

    private static final String SYNC_OUTCOMES = """
            UPDATE outreach_household h
            SET last_outcome = e.outcome, last_outcome_at = e.occurred_at, outcome_facts_hash = e.facts_hash,
                last_visit_at = CASE WHEN e.outcome = 'NOT_FOUND_AT_ADDRESS' THEN h.last_visit_at ELSE e.occurred_at END
            FROM (
                SELECT DISTINCT ON (f.household) f.household, f.facts_hash, ev.data ->> 'outcome' AS outcome,
                       ev.occurred_at
                FROM outreach_finding f
                JOIN ticket t ON t.ticket_no = f.ticket_no
                JOIN ticket_event ev ON ev.ticket_id = t.id AND ev.type = 'RESOLVE'
                WHERE f.status = 'OPENED'
                ORDER BY f.household, ev.occurred_at DESC
            ) e
            WHERE h.key = e.household AND h.last_outcome_at IS DISTINCT FROM e.occurred_at
            """;

    /**
     * Households of calls and reports whose request was assessed for an assistance program (the well-being list
     * holds everyone known to be in difficulty, however found): keyed by their ticket, with the address given.
     */
    private static final String SYNC_CALLS = """
            INSERT INTO outreach_household (key, found_by, ticket_no, community_code, town_code, district_code, address,
                                            size, income, income_source, per_capita_income, medical_costs_monthly,
                                            education_costs_monthly, facts_hash, updated_at)
            SELECT 'T:' || t.ticket_no, r.source, t.ticket_no, r.location ->> 'community',
                   CASE WHEN t.assigned_level = 'TOWN' THEN t.assigned_code END, t.assigned_district,
                   r.location ->> 'address', (r.household ->> 'size')::integer,
                   (r.household ->> 'monthlyIncome')::numeric,
                   CASE WHEN r.household ->> 'monthlyIncome' IS NOT NULL THEN 'ASSESSED' END,
                   round((r.household ->> 'monthlyIncome')::numeric / NULLIF((r.household ->> 'size')::integer, 0), 2),
                   coalesce((r.household ->> 'monthlyMedicalCosts')::numeric, 0), 0, 'call', ?
            FROM service_request r JOIN ticket t ON t.request_id = r.id
            WHERE r.id > ? AND r.source IN ('HOTLINE', 'COMMUNITY', 'OPEN311')
              AND jsonb_typeof(t.assessment -> 'programs') = 'array'
              AND jsonb_array_length(t.assessment -> 'programs') > 0
            ON CONFLICT (key) DO NOTHING
            """;

    private static final String INSERT_FINDING = """
            INSERT INTO outreach_finding (finding_id, household, facts_hash, status, risk, town_code, labels, programs,
                                          combinations, explanation, run_id, found_at)
            VALUES (?, ?, ?, 'DEFERRED', ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final ObjectMapper json;

    public MatchingRepository(JdbcTemplate jdbc, DataSource dataSource, ObjectMapper json) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(2000);
        this.json = json;
    }

    int syncOutcomes() {
        return jdbc.update(SYNC_OUTCOMES);
    }

    /** Takes households of calls and reports stored since the last time; returns how many joined. */
    int syncCalls(Instant now) {
        long after =
                jdbc
                        .queryForList("SELECT value FROM outreach_state WHERE name = 'calls-synced-to'", String.class)
                        .stream()
                        .findFirst()
                        .map(Long::parseLong)
                        .orElse(0L);
        Long last = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM service_request", Long.class);
        int joined = jdbc.update(SYNC_CALLS, Timestamp.from(now), after);
        jdbc.update(
                "INSERT INTO outreach_state (name, value) VALUES ('calls-synced-to', ?)"
                        + " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                String.valueOf(last));
        return joined;
    }

    /** How many candidates a run will assess (for its progress). */
    long countCandidates(Instant visitedBefore, BigDecimal widestLine, List<String> riskLabels) {
        return streaming.execute((Connection c) -> {
            try (PreparedStatement statement =
                    c.prepareStatement("SELECT count(*) FROM outreach_household h WHERE " + CANDIDATE)) {
                bindCandidate(c, statement, visitedBefore, widestLine, riskLabels);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Streams the candidates (call in a transaction: the rows come in pages, never all in memory). */
    void candidates(Instant visitedBefore, BigDecimal widestLine, List<String> riskLabels, Consumer<Candidate> each) {
        streaming.execute((Connection c) -> {
            try (PreparedStatement statement = c.prepareStatement(SELECT_CANDIDATES)) {
                statement.setFetchSize(2000);
                bindCandidate(c, statement, visitedBefore, widestLine, riskLabels);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        each.accept(candidate(rs));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Marks every household whose facts the run has judged (assessed, or not a candidate): the next run passes them
     * over until their facts change. Households held back by an open visit or a recent visit stay unmarked.
     */
    int markMatched(Instant visitedBefore) {
        // A narrow table of its own: marking a first run's households rewrites no household row.
        return jdbc.update(
                "INSERT INTO outreach_household_matched (key, facts_hash)"
                        + " SELECT h.key, h.facts_hash FROM outreach_household h WHERE " + UNJUDGED
                        + " ON CONFLICT (key) DO UPDATE SET facts_hash = excluded.facts_hash",
                Timestamp.from(visitedBefore));
    }

    record NewFinding(
            String findingId,
            String household,
            String factsHash,
            int risk,
            String townCode,
            List<String> labels,
            String programs,
            String combinations,
            String explanation) {}

    /** Inserts findings not found before (a household's facts already found by an earlier run are left). */
    void insertFindings(List<NewFinding> findings, long runId, Instant now) {
        if (findings.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT_FINDING, findings, 1000, (statement, f) -> {
            statement.setString(1, f.findingId());
            statement.setString(2, f.household());
            statement.setString(3, f.factsHash());
            statement.setInt(4, f.risk());
            statement.setString(5, f.townCode());
            statement.setArray(
                    6,
                    statement.getConnection().createArrayOf("text", f.labels().toArray()));
            statement.setString(7, f.programs());
            statement.setString(8, f.combinations());
            statement.setString(9, f.explanation());
            statement.setLong(10, runId);
            statement.setTimestamp(11, Timestamp.from(now));
        });
    }

    /**
     * The findings a run inserted: counted, since batched inserts are rewritten into multi-row statements
     * (reWriteBatchedInserts), whose counts do not tell the rows a conflict left out.
     */
    int countFindings(long runId) {
        Integer inserted =
                jdbc.queryForObject("SELECT count(*) FROM outreach_finding WHERE run_id = ?", Integer.class, runId);
        return inserted == null ? 0 : inserted;
    }

    /** A deferred finding to open, with what its ticket needs. */
    record Deferred(
            long id,
            String findingId,
            String household,
            String townCode,
            int risk,
            String explanation,
            String contactName,
            String contactPhone,
            String communityCode,
            String districtCode,
            String address,
            Integer size,
            String members,
            BigDecimal income,
            BigDecimal medicalCosts) {}

    /**
     * The ids of each office's deferred findings within what is left of its cap today (the findings it had opened
     * since {@code startOfDay} count against it), highest risk first and, among equal risks, by finding id (a hash of
     * the household and its facts, so that the order does not hang on the order the candidates were streamed in); a
     * negative cap: no cap. The dry run lists in the same order ({@link MatchingJob#BY_RISK}). Narrow rows only: a
     * first run defers most of what it finds, and the findings are read in full by {@link #deferred(List)}, chunk by
     * chunk, on the connections that write their tickets.
     */
    List<Long> dueToday(int cap, Instant startOfDay) {
        return jdbc.queryForList("""
                WITH opened AS (
                    SELECT town_code, count(*) AS n FROM outreach_finding
                    WHERE status = 'OPENED' AND opened_at >= ? GROUP BY town_code
                ), ranked AS (
                    SELECT f.id, f.town_code,
                           row_number() OVER (PARTITION BY f.town_code ORDER BY f.risk DESC, f.finding_id COLLATE "C") AS rank
                    FROM outreach_finding f WHERE f.status = 'DEFERRED'
                )
                SELECT r.id FROM ranked r LEFT JOIN opened o ON o.town_code = r.town_code
                WHERE ? < 0 OR r.rank <= ? - coalesce(o.n, 0)
                ORDER BY r.town_code, r.rank
                """, Long.class, Timestamp.from(startOfDay), cap, cap);
    }

    /** These deferred findings with what their tickets need, in the order of {@code ids}. */
    List<Deferred> deferred(List<Long> ids) {
        Map<Long, Deferred> byId = new HashMap<>();
        jdbc.query(
                (Connection c) -> {
                    PreparedStatement statement = c.prepareStatement("""
                            SELECT f.id, f.finding_id, f.household, f.town_code, f.risk,
                                   f.explanation::text AS explanation, c.name, c.phone, h.community_code,
                                   h.district_code, h.address, h.size, h.members::text AS members, h.income,
                                   h.medical_costs_monthly
                            FROM outreach_finding f
                            JOIN outreach_household h ON h.key = f.household
                            LEFT JOIN LATERAL (
                                SELECT p.name, p.phone FROM outreach_person p WHERE p.household = f.household
                                ORDER BY (p.phone IS NULL), p.age DESC NULLS LAST LIMIT 1
                            ) c ON true
                            WHERE f.id = ANY (?) AND f.status = 'DEFERRED'
                            """);
                    statement.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                    return statement;
                },
                rs -> {
                    byId.put(
                            rs.getLong("id"),
                            new Deferred(
                                    rs.getLong("id"),
                                    rs.getString("finding_id"),
                                    rs.getString("household"),
                                    rs.getString("town_code"),
                                    rs.getInt("risk"),
                                    rs.getString("explanation"),
                                    rs.getString("name"),
                                    rs.getString("phone"),
                                    rs.getString("community_code"),
                                    rs.getString("district_code"),
                                    rs.getString("address"),
                                    (Integer) rs.getObject("size"),
                                    rs.getString("members"),
                                    rs.getBigDecimal("income"),
                                    rs.getBigDecimal("medical_costs_monthly")));
                });
        List<Deferred> inOrder = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Deferred finding = byId.get(id);
            if (finding != null) { // opened meanwhile by another instance's run
                inOrder.add(finding);
            }
        }
        return inOrder;
    }

    int countDeferred() {
        Integer count =
                jdbc.queryForObject("SELECT count(*) FROM outreach_finding WHERE status = 'DEFERRED'", Integer.class);
        return count == null ? 0 : count;
    }

    /** Marks findings opened, with the ticket their finding id made (one made by an earlier, interrupted run too). */
    void markOpened(List<Long> ids, Instant now) {
        // One statement for the chunk, not one per finding.
        jdbc.execute((Connection c) -> {
            try (PreparedStatement statement = c.prepareStatement("""
                    UPDATE outreach_finding f SET status = 'OPENED', opened_at = ?,
                        ticket_no = (SELECT t.ticket_no FROM service_request r JOIN ticket t ON t.request_id = r.id
                                     WHERE r.source = 'DATA_MATCH' AND r.external_id = f.finding_id)
                    WHERE f.id = ANY (?)
                    """)) {
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setArray(2, c.createArrayOf("bigint", ids.toArray()));
                return statement.executeUpdate();
            }
        });
    }

    long startRun(boolean dryRun, String trigger, Instant now) {
        return jdbc.queryForObject(
                "INSERT INTO outreach_run (dry_run, trigger, started_at, status) VALUES (?, ?, ?, 'RUNNING') RETURNING id",
                Long.class,
                dryRun,
                trigger,
                Timestamp.from(now));
    }

    void finishRun(long id, String status, String figures, Instant now) {
        jdbc.update(
                "UPDATE outreach_run SET status = ?, figures = ?::jsonb, finished_at = ? WHERE id = ?",
                status,
                figures,
                Timestamp.from(now),
                id);
    }

    private static void bindCandidate(
            Connection c,
            PreparedStatement statement,
            Instant visitedBefore,
            BigDecimal widestLine,
            List<String> labels)
            throws SQLException {
        statement.setTimestamp(1, Timestamp.from(visitedBefore));
        statement.setBigDecimal(2, widestLine);
        statement.setArray(3, c.createArrayOf("text", labels.toArray()));
    }

    private Candidate candidate(ResultSet rs) throws SQLException {
        List<Candidate.Member> members;
        try {
            String text = rs.getString("members");
            members = text == null ? List.of() : json.readValue(text, new TypeReference<List<Candidate.Member>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable members of household " + rs.getString("key"), e);
        }
        return new Candidate(
                rs.getString("key"),
                rs.getString("town_code"),
                rs.getString("community_code"),
                rs.getString("district_code"),
                rs.getString("address"),
                (Integer) rs.getObject("size"),
                members,
                rs.getBigDecimal("income"),
                rs.getString("income_source"),
                rs.getBigDecimal("medical_costs_monthly"),
                set(rs.getArray("receives")),
                set(rs.getArray("labels")),
                rs.getString("facts_hash"));
    }

    private static Set<String> set(Array array) throws SQLException {
        Set<String> values = new LinkedHashSet<>();
        if (array != null) {
            for (Object value : (Object[]) array.getArray()) {
                values.add((String) value);
            }
        }
        return values;
    }
}
