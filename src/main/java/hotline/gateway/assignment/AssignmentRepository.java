package hotline.gateway.assignment;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.jurisdiction.AssignmentLevel;
import hotline.gateway.ticket.Priority;
import hotline.gateway.ticket.ReturnReasonCode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads and writes ticket_assignment rows whole: one office's turn with a ticket and its SLA targets. */
@Repository
public class AssignmentRepository {

    private static final String[] TARGET_FIELDS = {
        "warn_at", "due_at", "met_at", "warned_at", "breached_at", "working_minutes"
    };
    private static final String MUTABLE_COLUMNS = mutableColumns();
    private static final String INSERT = "INSERT INTO ticket_assignment (ticket_id, " + insertColumns()
            + ") VALUES (?, " + insertPlaceholders() + ")";
    private static final String UPDATE = "UPDATE ticket_assignment SET (" + MUTABLE_COLUMNS + ") = ("
            + String.join(", ", Collections.nCopies(MUTABLE_COLUMNS.split(", ").length, "?"))
            + ") WHERE ticket_id = ? AND seq = ?";
    private static final String FIND = "SELECT * FROM ticket_assignment WHERE ticket_id = ? AND seq = ?";
    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";

    private final JdbcTemplate jdbc;

    public AssignmentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns of an assignment after its ticket_id, in the order {@link #bindFrom} binds them. */
    public static String insertColumns() {
        return "seq, level, code, name, district_code, priority, primary_need, cause, received_at, started_at, "
                + MUTABLE_COLUMNS;
    }

    /**
     * Placeholders for {@link #insertColumns()}, typed: in an INSERT ... SELECT a null parameter would otherwise be
     * taken for text.
     */
    public static String insertPlaceholders() {
        List<String> placeholders = new ArrayList<>();
        for (String column : insertColumns().split(", ")) {
            placeholders.add("?::" + sqlType(column));
        }
        return String.join(", ", placeholders);
    }

    private static String sqlType(String column) {
        if (column.endsWith("_at")) {
            return "timestamptz";
        }
        if (column.equals("seq") || column.endsWith("_minutes") || column.startsWith("extension")) {
            return "integer";
        }
        return "text";
    }

    public void insert(AssignmentRecord assignment) {
        jdbc.update(INSERT, statement -> {
            statement.setLong(1, assignment.ticketId());
            bindFrom(statement, 2, assignment);
        });
    }

    public void update(AssignmentRecord assignment) {
        updateAll(List.of(assignment));
    }

    /** The turn's need after a correction (written once, with the turn, otherwise). */
    public void updateNeed(AssignmentRecord assignment) {
        jdbc.update(
                "UPDATE ticket_assignment SET primary_need = ? WHERE ticket_id = ? AND seq = ?",
                assignment.primaryNeed().name(),
                assignment.ticketId(),
                assignment.seq());
    }

    /** Writes several assignments back in one batch (the SLA sweep's). */
    public void updateAll(List<AssignmentRecord> assignments) {
        jdbc.batchUpdate(UPDATE, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                AssignmentRecord assignment = assignments.get(i);
                int next = bindMutable(statement, 1, assignment);
                statement.setLong(next, assignment.ticketId());
                statement.setInt(next + 1, assignment.seq());
            }

            @Override
            public int getBatchSize() {
                return assignments.size();
            }
        });
    }

    /** Every assignment's values after ticket_id, from seq on: for statements that insert the first one. */
    public static int bindFrom(PreparedStatement statement, int index, AssignmentRecord a) throws SQLException {
        statement.setInt(index++, a.seq());
        statement.setString(index++, a.level().name());
        statement.setString(index++, a.code());
        statement.setString(index++, a.name());
        statement.setString(index++, a.districtCode());
        statement.setString(index++, a.priority().name());
        statement.setString(index++, a.primaryNeed().name());
        statement.setString(index++, a.cause());
        statement.setTimestamp(index++, timestamp(a.receivedAt()));
        statement.setTimestamp(index++, timestamp(a.startedAt()));
        return bindMutable(statement, index, a);
    }

    /** A ticket's assignment as stored, to read (its SLA view, say). */
    public Optional<AssignmentRecord> find(long ticketId, int seq) {
        return jdbc.query(FIND, (rs, row) -> read(rs), ticketId, seq).stream().findFirst();
    }

    public Optional<AssignmentRecord> lock(long ticketId, int seq) {
        return jdbc.query(FIND_FOR_UPDATE, (rs, row) -> read(rs), ticketId, seq).stream()
                .findFirst();
    }

    /** An assignment from a result set holding ticket_assignment's columns under their own names. */
    public static AssignmentRecord read(ResultSet rs) throws SQLException {
        Map<TargetKind, TargetTimes> targets = new EnumMap<>(TargetKind.class);
        for (TargetKind kind : TargetKind.values()) {
            String p = kind.name().toLowerCase() + "_";
            Instant due = instant(rs, p + "due_at");
            if (due != null) {
                int minutes = rs.getInt(p + "working_minutes");
                Integer workingMinutes = rs.wasNull() ? null : minutes;
                targets.put(
                        kind,
                        new TargetTimes(
                                instant(rs, p + "warn_at"),
                                due,
                                instant(rs, p + "met_at"),
                                instant(rs, p + "warned_at"),
                                instant(rs, p + "breached_at"),
                                workingMinutes));
            }
        }
        AssignmentRecord a = new AssignmentRecord(
                rs.getLong("ticket_id"),
                rs.getInt("seq"),
                AssignmentLevel.valueOf(rs.getString("level")),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("district_code"),
                Priority.valueOf(rs.getString("priority")),
                NeedCode.valueOf(rs.getString("primary_need")),
                rs.getString("cause"),
                instant(rs, "received_at"),
                instant(rs, "started_at"),
                targets);
        int pending = rs.getInt("extension_pending_days");
        Integer extensionPendingDays = rs.wasNull() ? null : pending;
        a.restore(
                instant(rs, "ended_at"),
                rs.getString("end_cause"),
                returnReasonCode(rs.getString("return_reason_code")),
                rs.getString("return_reason"),
                extensionPendingDays,
                rs.getInt("extensions_approved"),
                rs.getInt("extensions_rejected"),
                rs.getInt("extension_days"),
                rs.getString("callback_result"),
                instant(rs, "callback_at"));
        return a;
    }

    private static int bindMutable(PreparedStatement statement, int index, AssignmentRecord a) throws SQLException {
        statement.setTimestamp(index++, timestamp(a.endedAt()));
        statement.setString(index++, a.endCause());
        statement.setString(
                index++,
                a.returnReasonCode() == null ? null : a.returnReasonCode().name());
        statement.setString(index++, a.returnReason());
        for (TargetKind kind : TargetKind.values()) {
            TargetTimes t = a.target(kind);
            statement.setTimestamp(index++, t == null ? null : timestamp(t.warnAt()));
            statement.setTimestamp(index++, t == null ? null : timestamp(t.dueAt()));
            statement.setTimestamp(index++, t == null ? null : timestamp(t.metAt()));
            statement.setTimestamp(index++, t == null ? null : timestamp(t.warnedAt()));
            statement.setTimestamp(index++, t == null ? null : timestamp(t.breachedAt()));
            if (t == null || t.workingMinutes() == null) {
                statement.setNull(index++, Types.INTEGER);
            } else {
                statement.setInt(index++, t.workingMinutes());
            }
        }
        if (a.extensionPendingDays() == null) {
            statement.setNull(index++, Types.INTEGER);
        } else {
            statement.setInt(index++, a.extensionPendingDays());
        }
        statement.setInt(index++, a.extensionsApproved());
        statement.setInt(index++, a.extensionsRejected());
        statement.setInt(index++, a.extensionDays());
        statement.setString(index++, a.callbackResult());
        statement.setTimestamp(index++, timestamp(a.callbackAt()));
        statement.setTimestamp(index++, timestamp(a.nextCheckAt()));
        return index;
    }

    private static String mutableColumns() {
        List<String> columns = new ArrayList<>(List.of("ended_at", "end_cause", "return_reason_code", "return_reason"));
        for (TargetKind kind : TargetKind.values()) {
            for (String field : TARGET_FIELDS) {
                columns.add(kind.name().toLowerCase() + "_" + field);
            }
        }
        columns.addAll(List.of(
                "extension_pending_days",
                "extensions_approved",
                "extensions_rejected",
                "extension_days",
                "callback_result",
                "callback_at",
                "next_check_at"));
        return String.join(", ", columns);
    }

    private static ReturnReasonCode returnReasonCode(String code) {
        return code == null ? null : ReturnReasonCode.valueOf(code);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
