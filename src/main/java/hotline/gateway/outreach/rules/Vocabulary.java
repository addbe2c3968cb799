package hotline.gateway.outreach.rules;

import java.util.List;

/** What the names of a rule stand for in SQL: fields of the register, named values, or label codes. */
public interface Vocabulary {

    enum Type {
        BOOLEAN,
        NUMBER,
        TEXT
    }

    /**
     * A name's SQL and type; its parameters are bound in order of the ?s in its SQL.
     *
     * @param sql an expression over the columns of the query the predicate goes into (never text from a rule)
     */
    record Term(String sql, Type type, List<Object> params) {

        public Term {
            params = List.copyOf(params);
        }

        public static Term column(String sql, Type type) {
            return new Term(sql, type, List.of());
        }
    }

    /** The name's term, or null when the name is unknown here. */
    Term resolve(String name);

    /** The names this vocabulary knows, for the message about an unknown one. */
    List<String> names();
}
