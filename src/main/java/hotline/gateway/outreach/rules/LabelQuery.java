package hotline.gateway.outreach.rules;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Label codes combined with and, or and not: a risk combination, or a tag index query. Evaluated on a set of labels,
 * or compiled to SQL over a {@code labels} array column.
 */
public final class LabelQuery {

    private LabelQuery() {}

    /** Parses and checks that every name is a known label code. */
    public static Expr parse(String query, Collection<String> knownCodes) {
        Expr expr = RuleParser.parse(query);
        check(expr, Set.copyOf(knownCodes));
        return expr;
    }

    public static boolean holds(Expr expr, Set<String> labels) {
        if (expr instanceof Expr.Or or) {
            return holds(or.left(), labels) || holds(or.right(), labels);
        }
        if (expr instanceof Expr.And and) {
            return holds(and.left(), labels) && holds(and.right(), labels);
        }
        if (expr instanceof Expr.Not not) {
            return !holds(not.operand(), labels);
        }
        if (expr instanceof Expr.Name name) {
            return labels.contains(name.name());
        }
        if (expr instanceof Expr.Bool bool) {
            return bool.value();
        }
        throw new RuleSyntaxException("a label query combines label codes with and, or, not only");
    }

    /** The query as SQL over the array column (e.g. h.labels): each code bound as a parameter. */
    public static SqlPredicate toSql(Expr expr, String column, Collection<String> knownCodes) {
        check(expr, Set.copyOf(knownCodes));
        return new SqlCompiler(new Vocabulary() {
                    @Override
                    public Term resolve(String name) {
                        return new Term(column + " @> ARRAY[CAST(? AS text)]", Type.BOOLEAN, List.of(name));
                    }

                    @Override
                    public List<String> names() {
                        return List.copyOf(knownCodes);
                    }
                })
                .compile(expr);
    }

    private static void check(Expr expr, Set<String> known) {
        if (expr instanceof Expr.Or or) {
            check(or.left(), known);
            check(or.right(), known);
        } else if (expr instanceof Expr.And and) {
            check(and.left(), known);
            check(and.right(), known);
        } else if (expr instanceof Expr.Not not) {
            check(not.operand(), known);
        } else if (expr instanceof Expr.Name name) {
            if (!known.contains(name.name())) {
                throw new RuleSyntaxException("unknown label '" + name.name() + "'");
            }
        } else if (!(expr instanceof Expr.Bool)) {
            throw new RuleSyntaxException("a label query combines label codes with and, or, not only");
        }
    }
}
