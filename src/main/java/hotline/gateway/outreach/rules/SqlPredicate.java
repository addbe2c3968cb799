package hotline.gateway.outreach.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule compiled to a SQL boolean expression with its parameters: numbers and texts of the rule are bound, never
 * written into the SQL. Null facts make a comparison unknown, which counts as false.
 */
public record SqlPredicate(String sql, List<Object> params) {

    public SqlPredicate {
        params = List.copyOf(params);
    }

    public static SqlPredicate alwaysFalse() {
        return new SqlPredicate("false", List.of());
    }

    /** This predicate where {@code condition} holds, else {@code otherwise}: a narrower level's label over a wider's. */
    public static SqlPredicate when(SqlPredicate condition, SqlPredicate then, SqlPredicate otherwise) {
        List<Object> params = new ArrayList<>(condition.params);
        params.addAll(then.params);
        params.addAll(otherwise.params);
        return new SqlPredicate(
                "(CASE WHEN " + condition.sql + " THEN " + then.sql + " ELSE " + otherwise.sql + " END)", params);
    }
}
