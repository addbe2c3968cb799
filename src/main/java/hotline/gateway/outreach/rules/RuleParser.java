package hotline.gateway.outreach.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the small rule language of labels and label queries:
 *
 * <pre>
 *   expr    := and ('or' and)*
 *   and     := not ('and' not)*
 *   not     := 'not' not | compare
 *   compare := sum (('=' | '!=' | '<' | '<=' | '>' | '>=') sum)?
 *   sum     := product (('+' | '-') product)*
 *   product := atom (('*' | '/') atom)*
 *   atom    := number | 'text' | true | false | name | '(' expr ')'
 * </pre>
 *
 * Names are letters, digits, underscores and dots (household.size); keywords are case-insensitive (AND, and).
 */
public final class RuleParser {

    private final String text;
    private final List<Token> tokens;
    private int at;

    private RuleParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    public static Expr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RuleSyntaxException("the rule is empty");
        }
        if (text.length() > 2000) {
            throw new RuleSyntaxException("the rule is longer than 2,000 characters");
        }
        RuleParser parser = new RuleParser(text);
        Expr expr = parser.or();
        if (parser.at < parser.tokens.size()) {
            throw parser.error("unexpected '" + parser.peek().text + "'");
        }
        return expr;
    }

    private Expr or() {
        Expr left = and();
        while (keyword("or")) {
            left = new Expr.Or(left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (keyword("and")) {
            left = new Expr.And(left, not());
        }
        return left;
    }

    private Expr not() {
        if (keyword("not")) {
            return new Expr.Not(not());
        }
        return compare();
    }

    private Expr compare() {
        Expr left = sum();
        Token next = peek();
        if (next != null
                && next.kind == Kind.OPERATOR
                && List.of("=", "!=", "<", "<=", ">", ">=").contains(next.text)) {
            at++;
            return new Expr.Compare(left, next.text, sum());
        }
        return left;
    }

    private Expr sum() {
        Expr left = product();
        while (operator("+") || operator("-")) {
            char op = tokens.get(at - 1).text.charAt(0);
            left = new Expr.Arithmetic(left, op, product());
        }
        return left;
    }

    private Expr product() {
        Expr left = atom();
        while (operator("*") || operator("/")) {
            char op = tokens.get(at - 1).text.charAt(0);
            left = new Expr.Arithmetic(left, op, atom());
        }
        return left;
    }

    private Expr atom() {
        Token token = peek();
        if (token == null) {
            throw error("the rule ends too early");
        }
        at++;
        switch (token.kind) {
            case NUMBER:
                return new Expr.Number(new BigDecimal(token.text));
            case TEXT:
                return new Expr.Text(token.text);
            case NAME:
                String lower = token.text.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return new Expr.Bool(lower.equals("true"));
                }
                if (List.of("and", "or", "not").contains(lower)) {
                    at--;
                    throw error("'" + token.text + "' where a value was expected");
                }
                return new Expr.Name(token.text);
            case OPERATOR:
                if (token.text.equals("(")) {
                    Expr inner = or();
                    if (!operator(")")) {
                        throw error("')' expected");
                    }
                    return inner;
                }
                at--;
                throw error("unexpected '" + token.text + "'");
            default:
                throw error("unexpected '" + token.text + "'");
        }
    }

    private boolean keyword(String word) {
        Token token = peek();
        if (token != null && token.kind == Kind.NAME && token.text.equalsIgnoreCase(word)) {
            at++;
            return true;
        }
        return false;
    }

    private boolean operator(String op) {
        Token token = peek();
        if (token != null && token.kind == Kind.OPERATOR && token.text.equals(op)) {
            at++;
            return true;
        }
        return false;
    }

    private Token peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private RuleSyntaxException error(String message) {
        int position = at < tokens.size() ? tokens.get(at).position : text.length();
        return new RuleSyntaxException(message + " at character " + (position + 1) + " of '" + text + "'");
    }

    private enum Kind {
        NUMBER,
        TEXT,
        NAME,
        OPERATOR
    }

    private record Token(Kind kind, String text, int position) {}

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                String number = text.substring(start, i);
                if (number.indexOf('.') != number.lastIndexOf('.') || number.endsWith(".")) {
                    throw new RuleSyntaxException("'" + number + "' is not a number at character " + (start + 1));
                }
                tokens.add(new Token(Kind.NUMBER, number, start));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length()
                        && (Character.isLetterOrDigit(text.charAt(i))
                                || text.charAt(i) == '_'
                                || text.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(start, i), start));
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new RuleSyntaxException("a text started at character " + (i + 1) + " is not closed");
                }
                tokens.add(new Token(Kind.TEXT, text.substring(i + 1, end), i));
                i = end + 1;
            } else if (c == '<' || c == '>' || c == '!') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '=') {
                    tokens.add(new Token(Kind.OPERATOR, text.substring(i, i + 2), i));
                    i += 2;
                } else if (c == '!') {
                    throw new RuleSyntaxException("'!' must be '!=' at character " + (i + 1));
                } else {
                    tokens.add(new Token(Kind.OPERATOR, String.valueOf(c), i));
                    i++;
                }
            } else if ("=+-*/()".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.OPERATOR, String.valueOf(c), i));
                i++;
            } else {
                throw new RuleSyntaxException("unexpected character '" + c + "' at character " + (i + 1));
            }
        }
        return tokens;
    }
}
