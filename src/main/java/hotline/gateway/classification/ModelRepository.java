package hotline.gateway.classification;

import hotline.gateway.classification.semantic.LabelledText;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** Stores the semantic model's versions (one active) and the desks' corrections that the next version learns from. */
public class ModelRepository {

    private final JdbcTemplate jdbc;

    public ModelRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A version as stored: its bytes and whether it is the one in use. */
    public record StoredModel(String version, byte[] model, boolean active) {}

    public Optional<StoredModel> active() {
        return jdbc
                .query(
                        "SELECT version, model FROM classification_model WHERE active",
                        (rs, row) -> new StoredModel(rs.getString(1), rs.getBytes(2), true))
                .stream()
                .findFirst();
    }

    /** The active version's name only: cheap enough for every instance to look often. */
    public Optional<String> activeVersion() {
        return jdbc.queryForList("SELECT version FROM classification_model WHERE active", String.class).stream()
                .findFirst();
    }

    /** Stores a version (once: the same version again changes nothing) with its evaluation. */
    public void save(String version, byte[] model, int examples, String evaluationJson, Instant at) {
        jdbc.update("""
                INSERT INTO classification_model (version, model, examples, evaluation, created_at)
                VALUES (?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (version) DO NOTHING
                """, version, model, examples, evaluationJson, Timestamp.from(at));
    }

    /** Makes this version the one every instance uses. */
    @Transactional
    public void activate(String version, Instant at) {
        jdbc.update("UPDATE classification_model SET active = false WHERE active AND version <> ?", version);
        jdbc.update(
                "UPDATE classification_model SET active = true, activated_at = ? WHERE version = ? AND NOT active",
                Timestamp.from(at),
                version);
    }

    /** Records a desk's correction: the masked text with its right need, kept until {@code expiresAt}. */
    public void addCorrection(
            long ticketId, NeedCode need, String maskedText, String by, Instant at, Instant expiresAt) {
        jdbc.update("""
                INSERT INTO classification_correction (ticket_id, need, text, corrected_by, corrected_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, ticketId, need.name(), maskedText, by, Timestamp.from(at), Timestamp.from(expiresAt));
    }

    /** The corrections still kept, the latest per ticket, as labelled examples ({@code correction:<ticket id>}). */
    public List<LabelledText> corrections(Instant now) {
        return jdbc.query(
                """
                SELECT DISTINCT ON (ticket_id) ticket_id, need, text FROM classification_correction
                WHERE expires_at > ? ORDER BY ticket_id, id DESC
                """,
                (rs, row) -> LabelledText.of(
                        "correction:" + rs.getLong(1), rs.getString(3), NeedCode.valueOf(rs.getString(2)), "desk"),
                Timestamp.from(now));
    }

    /** Deletes corrections past their retention; returns how many. */
    public int purgeExpiredCorrections(Instant now) {
        return jdbc.update("DELETE FROM classification_correction WHERE expires_at <= ?", Timestamp.from(now));
    }
}
