package hotline.gateway.outreach;

import hotline.gateway.validation.HttpProblemException;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the register to one key: the fingerprint of the key its pseudonyms were made with is kept in outreach_state
 * (the first use records the gateway's key). When OUTREACH_PSEUDONYM_KEY changed, feeds and matching are refused
 * until the register is re-keyed, so pseudonyms of two keys never mix (the same person would be two persons).
 */
public class PseudonymKeyCheck {

    static final String STATE = "pseudonym-key-fingerprint";

    private final JdbcTemplate jdbc;
    private final Pseudonyms pseudonyms;

    public PseudonymKeyCheck(JdbcTemplate jdbc, Pseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
    }

    /** The fingerprint of the key the register's pseudonyms were made with (recording the gateway's at first use). */
    public String registerFingerprint() {
        jdbc.update(
                "INSERT INTO outreach_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                STATE,
                pseudonyms.fingerprint());
        return stored().orElseThrow();
    }

    /** Refuses (409) while the register was made with another key than the gateway's. */
    public void require() {
        if (!registerFingerprint().equals(pseudonyms.fingerprint())) {
            throw new HttpProblemException(
                    409,
                    "Conflict",
                    "OUTREACH_PSEUDONYM_KEY",
                    "is not the key the register's pseudonyms were made with: re-key the register first"
                            + " (POST /api/v1/outreach/rekey with OUTREACH_PSEUDONYM_KEY_PREVIOUS, docs/outreach.md)");
        }
    }

    private Optional<String> stored() {
        return jdbc.queryForList("SELECT value FROM outreach_state WHERE name = ?", String.class, STATE).stream()
                .findFirst();
    }
}
