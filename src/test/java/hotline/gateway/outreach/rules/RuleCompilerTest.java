package hotline.gateway.outreach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule language: parsing, types, and SQL with every value bound as a parameter. */
class RuleCompilerTest {

    private static final Map<String, BigDecimal> VALUES = Map.of("low_income_line", new BigDecimal("2660"));

    private static SqlPredicate person(String rule) {
        return new SqlCompiler(new RegisterVocabulary(LabelSubject.PERSON, VALUES)).compile(rule);
    }

    @Test
    void comparisonsAndLogicBecomeSqlWithBoundValues() {
        SqlPredicate predicate =
                person("age >= 80 AND living_alone or not (household.per_capita_income < low_income_line)");

        assertThat(predicate.sql())
                .isEqualTo("COALESCE(((((p.age) >= CAST(? AS numeric)) AND (p.living_alone)) OR (NOT"
                        + " ((h.per_capita_income) < (CAST(? AS numeric))))), false)");
        assertThat(predicate.params()).containsExactly(new BigDecimal("80"), new BigDecimal("2660"));
    }

    @Test
    void arithmeticBindsPrecedenceAndGuardsDivisionByZero() {
        SqlPredicate predicate = person("(household.income - household.medical_costs) / household.size < 1 + 2 * 3");

        assertThat(predicate.sql())
                .contains("NULLIF((h.size), 0)")
                .contains("+ (CAST(? AS numeric) * CAST(? AS numeric))");
        assertThat(predicate.params()).containsExactly(BigDecimal.ONE, new BigDecimal("2"), new BigDecimal("3"));
    }

    @Test
    void textIsAParameterNeverSql() {
        SqlPredicate predicate = new SqlCompiler(new Vocabulary() {
                    @Override
                    public Term resolve(String name) {
                        return name.equals("kind") ? Term.column("p.kind", Type.TEXT) : null;
                    }

                    @Override
                    public List<String> names() {
                        return List.of("kind");
                    }
                })
                .compile("kind = 'x; DROP TABLE ticket; --'");

        assertThat(predicate.sql()).doesNotContain("DROP");
        assertThat(predicate.params()).containsExactly("x; DROP TABLE ticket; --");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> person("age >= 80 and livng_alone"))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining("unknown name 'livng_alone'");
        assertThatThrownBy(() -> person("age + living_alone > 3")).hasMessageContaining("works on numbers only");
        assertThatThrownBy(() -> person("age")).hasMessageContaining("must be true or false");
        assertThatThrownBy(() -> person("age >= ")).hasMessageContaining("ends too early");
        assertThatThrownBy(() -> person("(age >= 80")).hasMessageContaining("')' expected");
        assertThatThrownBy(() -> person("age ! 3")).hasMessageContaining("'!' must be '!='");
        assertThatThrownBy(() ->
                        new SqlCompiler(new RegisterVocabulary(LabelSubject.HOUSEHOLD, VALUES)).compile("age >= 80"))
                .hasMessageContaining("unknown name 'age'");
    }

    @Test
    void labelQueriesHoldOnSetsAndCompileToArrayTests() {
        Set<String> known = Set.of("A", "B", "C");
        Expr query = LabelQuery.parse("A and (B or not C)", known);

        assertThat(LabelQuery.holds(query, Set.of("A", "B", "C"))).isTrue();
        assertThat(LabelQuery.holds(query, Set.of("A"))).isTrue();
        assertThat(LabelQuery.holds(query, Set.of("A", "C"))).isFalse();
        assertThat(LabelQuery.holds(query, Set.of("B"))).isFalse();
        SqlPredicate sql = LabelQuery.toSql(query, "h.labels", known);
        assertThat(sql.sql()).contains("h.labels @> ARRAY[CAST(? AS text)]");
        assertThat(sql.params()).containsExactly("A", "B", "C");
        assertThatThrownBy(() -> LabelQuery.parse("A and D", known)).hasMessageContaining("unknown label 'D'");
        assertThatThrownBy(() -> LabelQuery.parse("A and 3 > 2", known)).hasMessageContaining("label codes");
    }
}
