package hotline.gateway.outreach;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The integration tests share one database: an outreach test starts from an empty register (no snapshots, facts,
 * persons, households, matched marks or findings: a test may mark households it never stored), with the key check
 * recorded afresh and only calls taken after this moment joining the register. Tickets of earlier tests stay; the
 * access log is append-only and stays too.
 */
public final class EmptyRegister {

    private EmptyRegister() {}

    public static void reset(JdbcTemplate jdbc) {
        jdbc.execute(
                "TRUNCATE outreach_finding, outreach_household_matched, outreach_person, outreach_fact, outreach_snapshot");
        jdbc.update("DELETE FROM outreach_household");
        jdbc.update("DELETE FROM outreach_state WHERE name IN ('register-built-from', ?)", PseudonymKeyCheck.STATE);
        jdbc.update("INSERT INTO outreach_state (name, value) SELECT 'calls-synced-to', coalesce(max(id), 0)::text"
                + " FROM service_request ON CONFLICT (name) DO UPDATE SET value = excluded.value");
    }
}
