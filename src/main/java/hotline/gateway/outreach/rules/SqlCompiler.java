package hotline.gateway.outreach.rules;

import hotline.gateway.outreach.rules.Vocabulary.Term;
import hotline.gateway.outreach.rules.Vocabulary.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a parsed rule to a SQL predicate over a vocabulary, checking types: logic over booleans, arithmetic and
 * order over numbers, equality over like types. The result is wrapped in COALESCE(..., false): a rule over facts
 * that are unknown does not hold.
 */
public final class SqlCompiler {

    private final Vocabulary vocabulary;

    public SqlCompiler(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public SqlPredicate compile(String rule) {
        return compile(RuleParser.parse(rule));
    }

    public SqlPredicate compile(Expr expr) {
        List<Object> params = new ArrayList<>();
        Typed typed = translate(expr, params);
        if (typed.type != Type.BOOLEAN) {
            throw new RuleSyntaxException("a rule must be true or false, not a " + name(typed.type));
        }
        return new SqlPredicate("COALESCE(" + typed.sql + ", false)", params);
    }

    private record Typed(String sql, Type type) {}

    private Typed translate(Expr expr, List<Object> params) {
        if (expr instanceof Expr.Or or) {
            return logic(or.left(), "OR", or.right(), params);
        }
        if (expr instanceof Expr.And and) {
            return logic(and.left(), "AND", and.right(), params);
        }
        if (expr instanceof Expr.Not not) {
            return new Typed("(NOT " + bool(not.operand(), params) + ")", Type.BOOLEAN);
        }
        if (expr instanceof Expr.Compare compare) {
            return compare(compare, params);
        }
        if (expr instanceof Expr.Arithmetic arithmetic) {
            return arithmetic(arithmetic, params);
        }
        if (expr instanceof Expr.Number number) {
            params.add(number.value());
            return new Typed("CAST(? AS numeric)", Type.NUMBER);
        }
        if (expr instanceof Expr.Text text) {
            params.add(text.value());
            return new Typed("CAST(? AS text)", Type.TEXT);
        }
        if (expr instanceof Expr.Bool bool) {
            return new Typed(bool.value() ? "true" : "false", Type.BOOLEAN);
        }
        Expr.Name name = (Expr.Name) expr;
        Term term = vocabulary.resolve(name.name());
        if (term == null) {
            throw new RuleSyntaxException(
                    "unknown name '" + name.name() + "'; known: " + String.join(", ", vocabulary.names()));
        }
        params.addAll(term.params());
        return new Typed("(" + term.sql() + ")", term.type());
    }

    private Typed logic(Expr left, String op, Expr right, List<Object> params) {
        String l = bool(left, params);
        String r = bool(right, params);
        return new Typed("(" + l + " " + op + " " + r + ")", Type.BOOLEAN);
    }

    private String bool(Expr expr, List<Object> params) {
        Typed typed = translate(expr, params);
        if (typed.type != Type.BOOLEAN) {
            throw new RuleSyntaxException("AND, OR and NOT need true or false, not a " + name(typed.type));
        }
        return typed.sql;
    }

    private Typed compare(Expr.Compare compare, List<Object> params) {
        Typed left = translate(compare.left(), params);
        Typed right = translate(compare.right(), params);
        if (left.type != right.type) {
            throw new RuleSyntaxException(
                    "cannot compare a " + name(left.type) + " with a " + name(right.type) + " (" + compare.op() + ")");
        }
        boolean order = !compare.op().equals("=") && !compare.op().equals("!=");
        if (order && left.type != Type.NUMBER) {
            throw new RuleSyntaxException(compare.op() + " compares numbers only");
        }
        String op = compare.op().equals("!=") ? "<>" : compare.op();
        return new Typed("(" + left.sql + " " + op + " " + right.sql + ")", Type.BOOLEAN);
    }

    private Typed arithmetic(Expr.Arithmetic arithmetic, List<Object> params) {
        Typed left = translate(arithmetic.left(), params);
        Typed right = translate(arithmetic.right(), params);
        if (left.type != Type.NUMBER || right.type != Type.NUMBER) {
            throw new RuleSyntaxException(arithmetic.op() + " works on numbers only");
        }
        String r = arithmetic.op() == '/' ? "NULLIF(" + right.sql + ", 0)" : right.sql;
        return new Typed("(" + left.sql + " " + arithmetic.op() + " " + r + ")", Type.NUMBER);
    }

    private static String name(Type type) {
        return switch (type) {
            case BOOLEAN -> "true/false value";
            case NUMBER -> "number";
            case TEXT -> "text";
        };
    }
}
