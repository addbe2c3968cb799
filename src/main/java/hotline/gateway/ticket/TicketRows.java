package hotline.gateway.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.classification.semantic.DangerScore;
import hotline.gateway.criteria.Assessment;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the columns every ticket query shares: its needs and assessment (JSON) and its assignment. */
public final class TicketRows {

    private TicketRows() {}

    public static NeedsView needs(ObjectMapper json, ResultSet rs) throws SQLException {
        try {
            return json.readValue(rs.getString("needs"), NeedsView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored needs are not readable", e);
        }
    }

    /** The stored assessment, or null when the ticket has none. */
    public static Assessment assessment(ObjectMapper json, ResultSet rs) throws SQLException {
        String assessment = rs.getString("assessment");
        try {
            return assessment == null ? null : json.readValue(assessment, Assessment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment is not readable", e);
        }
    }

    /** The semantic stage's danger hint, from a column {@code danger_hint} ({@code urgency -> 'dangerHint'}). */
    public static DangerScore dangerHint(ObjectMapper json, ResultSet rs) throws SQLException {
        String hint = rs.getString("danger_hint");
        try {
            return hint == null ? null : json.readValue(hint, DangerScore.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored danger hint is not readable", e);
        }
    }

    public static AssignmentView assignment(ResultSet rs) throws SQLException {
        return new AssignmentView(
                rs.getString("assigned_level"),
                rs.getString("assigned_code"),
                rs.getString("assigned_name"),
                rs.getString("assigned_rule"),
                rs.getString("assigned_detail"));
    }
}
