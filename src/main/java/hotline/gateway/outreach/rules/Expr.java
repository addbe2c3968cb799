package hotline.gateway.outreach.rules;

import java.math.BigDecimal;

/** A parsed rule: boolean logic over comparisons of fields, numbers and named values. */
public sealed interface Expr {

    record Or(Expr left, Expr right) implements Expr {}

    record And(Expr left, Expr right) implements Expr {}

    record Not(Expr operand) implements Expr {}

    /** {@code op} is one of = != < <= > >=. */
    record Compare(Expr left, String op, Expr right) implements Expr {}

    /** {@code op} is one of + - * /. */
    record Arithmetic(Expr left, char op, Expr right) implements Expr {}

    record Number(BigDecimal value) implements Expr {}

    record Text(String value) implements Expr {}

    record Bool(boolean value) implements Expr {}

    /** A field of the facts, a named value (low_income_line) or, in a label query, a label code. */
    record Name(String name) implements Expr {}
}
