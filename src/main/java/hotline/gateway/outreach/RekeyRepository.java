package hotline.gateway.outreach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The SQL of a re-key, set-based, inside the caller's transaction: the pairs (old pseudonym, new pseudonym) are
 * copied into a temporary table, then every column holding a person's or a household's pseudonym is updated by a
 * join with it. Households of calls (T:&lt;ticket&gt;) carry no pseudonym and stay as they are.
 */
@Repository
public class RekeyRepository {

    private static final String MAPPED = "EXISTS (SELECT 1 FROM outreach_rekey_pairs m WHERE m.old = %s)";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    public RekeyRepository(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** A stream of pairs into the temporary table; closed, it leaves them distinct and indexed. */
    interface PairSink {
        void pair(String oldPseudonym, String newPseudonym);
    }

    interface Pairs {
        void writeTo(PairSink sink);
    }

    /** Locks the register against feed loads and matching until the transaction ends, and copies the pairs in. */
    void stagePairs(Pairs pairs) {
        jdbc.execute("LOCK TABLE outreach_snapshot, outreach_fact, outreach_person, outreach_household,"
                + " outreach_finding IN SHARE ROW EXCLUSIVE MODE");
        jdbc.execute("CREATE TEMP TABLE outreach_rekey_copy (old text NOT NULL, new text NOT NULL) ON COMMIT DROP");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY outreach_rekey_copy (old, new) FROM STDIN");
            StringBuilder buffer = new StringBuilder(1 << 16);
            try {
                pairs.writeTo((oldPseudonym, newPseudonym) -> {
                    // Pseudonyms are hex: nothing in them needs COPY's escaping.
                    buffer.append(oldPseudonym)
                            .append('\t')
                            .append(newPseudonym)
                            .append('\n');
                    if (buffer.length() > 60_000) {
                        write(copy, buffer);
                    }
                });
                write(copy, buffer);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the re-key's pseudonyms", e);
        }
        jdbc.execute("CREATE TEMP TABLE outreach_rekey_pairs ON COMMIT DROP AS"
                + " SELECT DISTINCT old, new FROM outreach_rekey_copy");
        jdbc.execute("CREATE UNIQUE INDEX ON outreach_rekey_pairs (old)");
        jdbc.execute("ANALYZE outreach_rekey_pairs");
    }

    private static void write(CopyIn copy, StringBuilder buffer) {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        buffer.setLength(0);
    }

    /** Pseudonyms in the register that the pairs do not cover, and how many of its persons they do. */
    record Coverage(long unmappedPersons, long unmappedHouseholds, long mappedPersons, long persons) {}

    Coverage coverage() {
        return jdbc.queryForObject(
                """
                SELECT (SELECT count(DISTINCT f.person) FROM outreach_fact f WHERE NOT %1$s) AS unmapped_persons,
                       (SELECT count(*) FROM (
                            SELECT household AS k FROM outreach_fact WHERE household IS NOT NULL
                            UNION SELECT key FROM outreach_household WHERE found_by = 'FEED'
                            UNION SELECT household FROM outreach_finding WHERE household NOT LIKE 'T:%%') h
                        WHERE NOT %2$s) AS unmapped_households,
                       (SELECT count(DISTINCT f.person) FROM outreach_fact f WHERE %1$s) AS mapped_persons,
                       (SELECT count(DISTINCT f.person) FROM outreach_fact f) AS persons
                """.formatted(MAPPED.formatted("f.person"), MAPPED.formatted("h.k")),
                (rs, i) -> new Coverage(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    /**
     * Facts the pairs do not cover are deleted (the operator asked for it); unmapped feed households are left
     * inactive under their old pseudonym, with their findings and outcomes, and the register is rebuilt on the next run.
     */
    long dropUnmapped(Instant now) {
        long facts = jdbc.update("DELETE FROM outreach_fact f WHERE NOT " + MAPPED.formatted("f.person")
                + " OR (f.household IS NOT NULL AND NOT " + MAPPED.formatted("f.household") + ")");
        jdbc.update("DELETE FROM outreach_person p WHERE NOT " + MAPPED.formatted("p.person"));
        jdbc.update(
                "UPDATE outreach_household h SET active = false, updated_at = ? WHERE h.found_by = 'FEED' AND h.active"
                        + " AND NOT " + MAPPED.formatted("h.key"),
                Timestamp.from(now));
        jdbc.update("DELETE FROM outreach_state WHERE name = ?", Register.BUILT_FROM);
        return facts;
    }

    /** Every pseudonym replaced by its new one; returns the rows changed per table. */
    Map<String, Long> replace(long rekeyId) {
        RegisterRepository.lockRebuild(jdbc); // a rebuild stages on connections of its own: wait for it to end
        jdbc.execute("TRUNCATE outreach_person_stage, outreach_household_stage");
        long facts = jdbc.update(
                "UPDATE outreach_fact f SET person = m.new FROM outreach_rekey_pairs m" + " WHERE m.old = f.person");
        jdbc.update("UPDATE outreach_fact f SET household = m.new FROM outreach_rekey_pairs m"
                + " WHERE m.old = f.household");
        long persons = jdbc.update(
                "UPDATE outreach_person p SET person = m.new FROM outreach_rekey_pairs m" + " WHERE m.old = p.person");
        jdbc.update("UPDATE outreach_person p SET household = m.new FROM outreach_rekey_pairs m"
                + " WHERE m.old = p.household");
        long households = jdbc.update(
                "UPDATE outreach_household h SET key = m.new FROM outreach_rekey_pairs m" + " WHERE m.old = h.key");
        jdbc.update("UPDATE outreach_household h SET merged_into = m.new FROM outreach_rekey_pairs m"
                + " WHERE m.old = h.merged_into");
        long findings = jdbc.update("UPDATE outreach_finding f SET household = m.new FROM outreach_rekey_pairs m"
                + " WHERE m.old = f.household");
        // The access log stays as written (append-only); the audit follows a household through these pairs.
        long logged = jdbc.update("""
                INSERT INTO outreach_rekey_household (rekey_id, old_key, new_key)
                SELECT ?, m.old, m.new FROM outreach_rekey_pairs m
                WHERE EXISTS (SELECT 1 FROM outreach_access_log a WHERE a.household = m.old)
                   OR EXISTS (SELECT 1 FROM outreach_rekey_household r WHERE r.new_key = m.old)
                """, rekeyId);
        return Map.of(
                "facts",
                facts,
                "persons",
                persons,
                "households",
                households,
                "findings",
                findings,
                "accessLog",
                logged);
    }

    long startRekey(String by, Instant at, String oldFingerprint, String newFingerprint) {
        return jdbc.queryForObject(
                "INSERT INTO outreach_rekey (rekeyed_by, rekeyed_at, old_fingerprint, new_fingerprint, figures)"
                        + " VALUES (?, ?, ?, ?, '{}') RETURNING id",
                Long.class,
                by,
                Timestamp.from(at),
                oldFingerprint,
                newFingerprint);
    }

    void finishRekey(long id, String figures, String newFingerprint) {
        jdbc.update("UPDATE outreach_rekey SET figures = ?::jsonb WHERE id = ?", figures, id);
        jdbc.update("UPDATE outreach_state SET value = ? WHERE name = ?", newFingerprint, PseudonymKeyCheck.STATE);
    }
}
