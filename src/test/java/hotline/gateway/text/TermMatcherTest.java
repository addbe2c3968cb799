package hotline.gateway.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import hotline.gateway.text.TermMatcher.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TermMatcherTest {

    private static List<String> terms(List<? extends Match<?>> matches) {
        return matches.stream().map(Match::term).toList();
    }

    @Test
    void findsOverlappingAndNestedOccurrences() {
        TermMatcher<String> m = TermMatcher.<String>builder()
                .add("独居", "a")
                .add("独居老人", "b")
                .add("居老", "c")
                .add("老人", "d")
                .add("人家", "e")
                .build();
        assertThat(m.findAll("独居老人家"))
                .extracting(Match::term, Match::start, Match::end)
                .containsExactly(
                        tuple("独居老人", 0, 4),
                        tuple("独居", 0, 2),
                        tuple("居老", 1, 3),
                        tuple("老人", 2, 4),
                        tuple("人家", 3, 5));
        assertThat(terms(m.findMaximal("独居老人家"))).containsExactly("独居老人", "人家");
    }

    @Test
    void latinTermsInsideOtherWordsAreNotReported() {
        TermMatcher<String> m = TermMatcher.<String>builder()
                .add("he", "a")
                .add("she", "b")
                .add("hers", "c")
                .build();
        assertThat(m.findAll("ushers")).isEmpty();
        assertThat(m.findAll("she said hers, he"))
                .extracting(Match::term, Match::start)
                .containsExactly(tuple("she", 0), tuple("hers", 9), tuple("he", 15));
    }

    @Test
    void chineseOverlapsAreAllReported() {
        TermMatcher<Integer> m = TermMatcher.<Integer>builder()
                .add("住房", 1)
                .add("房租", 2)
                .add("租金", 3)
                .add("住房租金", 4)
                .build();
        assertThat(terms(m.findAll("交不起住房租金了"))).containsExactly("住房租金", "住房", "房租", "租金");
        assertThat(terms(m.findMaximal("交不起住房租金了"))).containsExactly("住房租金");
    }

    @Test
    void sameTermWithTwoPayloadsReportsBoth() {
        TermMatcher<String> m = TermMatcher.<String>builder()
                .add("ICU", "EMERGENCY")
                .add("ICU", "MEDICAL")
                .add("医院", "MEDICAL")
                .build();
        List<Match<String>> found = m.findAll("在医院icu里");
        assertThat(found)
                .extracting(Match::term, Match::payload, Match::start, Match::end)
                .containsExactlyInAnyOrder(
                        tuple("医院", "MEDICAL", 1, 3), tuple("ICU", "EMERGENCY", 3, 6), tuple("ICU", "MEDICAL", 3, 6));
        assertThat(m.findMaximal("在医院icu里")).hasSize(3);
    }

    @Test
    void repeatedOccurrencesAreAllReported() {
        TermMatcher<String> m = TermMatcher.<String>builder().add("低保", "S").build();
        assertThat(m.findAll("低保低保，还是低保")).extracting(Match::start).containsExactly(0, 2, 7);
    }

    @Test
    void latinTermsMatchOnlyWholeWords() {
        TermMatcher<String> m =
                TermMatcher.<String>builder().add("ill", "x").add("rent", "y").build();
        assertThat(m.findAll("he will file an illegal claim")).isEmpty();
        assertThat(m.findAll("current parent rental")).isEmpty();
        assertThat(m.findAll("she is ill, the rent is due"))
                .extracting(Match::term)
                .containsExactly("ill", "rent");
        assertThat(m.findAll("ill")).hasSize(1);
        assertThat(m.findAll("(ill)")).hasSize(1);
    }

    @Test
    void digitsCountAsWordCharacters() {
        TermMatcher<String> m = TermMatcher.<String>builder()
                .add("120", "ambulance")
                .add("60岁", "age")
                .build();
        assertThat(m.findAll("打了120急救")).extracting(Match::term).containsExactly("120");
        assertThat(m.findAll("1200元")).isEmpty();
        assertThat(m.findAll("a120")).isEmpty();
        assertThat(m.findAll("160岁")).isEmpty();
        assertThat(m.findAll("今年60岁")).extracting(Match::term).containsExactly("60岁");
    }

    @Test
    void prefixTermNeedsBoundaryAtStartOnlyAndCoversTheWord() {
        TermMatcher<String> m =
                TermMatcher.<String>builder().add("evict*", "HOUSING").build();
        assertThat(m.findAll("he was evicted yesterday"))
                .extracting(Match::term, Match::start, Match::end)
                .containsExactly(tuple("evict*", 7, 14));
        assertThat(m.findAll("eviction notice")).extracting(Match::end).containsExactly(8);
        assertThat(m.findAll("evict")).hasSize(1);
        assertThat(m.findAll("reevicted")).isEmpty();
        assertThat(m.findAll("被evicted了")).extracting(Match::start, Match::end).containsExactly(tuple(1, 8));
    }

    @Test
    void cjkTermsMatchAnywhereAndLatinTermsNextToCjk() {
        TermMatcher<String> m = TermMatcher.<String>builder()
                .add("失业登记", "EMPLOYMENT")
                .add("unemployment benefits", "EMPLOYMENT")
                .add("skill training", "EMPLOYMENT")
                .build();
        String text = TextNormalizer.normalize("签完以后 Unemployment Benefits 怎么申请、要不要先去做失业登记，还有免费的skill training可以报名");
        assertThat(terms(m.findAll(text))).containsExactly("unemployment benefits", "失业登记", "skill training");
    }

    @Test
    void fullWidthInputMatchesAfterNormalization() {
        TermMatcher<String> m = TermMatcher.<String>builder()
                .add("ICU", "x")
                .add("laid off", "y")
                .build();
        String text = TextNormalizer.normalize("丈夫在ＩＣＵ，本人被ＬＡＩＤ　ＯＦＦ");
        assertThat(terms(m.findAll(text))).containsExactly("ICU", "laid off");
    }

    @Test
    void termsAreNormalizedAtBuildTime() {
        TermMatcher<String> m =
                TermMatcher.<String>builder().add("  Street   Light* ", "URBAN").build();
        assertThat(m.findAll("four street lights are out"))
                .extracting(Match::term, Match::start, Match::end)
                .containsExactly(tuple("  Street   Light* ", 5, 18));
    }

    @Test
    void findMaximalDropsOnlyStrictlyNestedSpans() {
        TermMatcher<String> m = TermMatcher.<String>builder()
                .add("漕河泾", "a")
                .add("漕河泾街道", "b")
                .add("街道", "c")
                .add("河泾", "d")
                .add("道路", "e")
                .build();
        // 漕河泾街道 hides 漕河泾, 河泾 and 街道; 道路 overlaps without nesting and stays
        assertThat(terms(m.findMaximal("漕河泾街道路口"))).containsExactly("漕河泾街道", "道路");
        assertThat(terms(m.findMaximal("漕河泾开发区"))).containsExactly("漕河泾");
    }

    @Test
    void findMaximalKeepsEqualSpans() {
        TermMatcher<String> m = TermMatcher.<String>builder()
                .add("低保", "x")
                .add("低保", "y")
                .add("低", "z")
                .build();
        assertThat(m.findMaximal("申请低保")).extracting(Match::payload).containsExactly("x", "y");
    }

    @Test
    void prefixSpanCanHideAShorterTerm() {
        TermMatcher<String> m =
                TermMatcher.<String>builder().add("evict*", "a").add("ted", "b").build();
        assertThat(m.findAll("evicted ted")).hasSize(2);
        assertThat(terms(m.findMaximal("evicted ted"))).containsExactly("evict*", "ted");
        TermMatcher<String> n =
                TermMatcher.<String>builder().add("evict*", "a").add("c", "b").build();
        assertThat(n.findAll("evicted")).hasSize(1); // 'c' inside a word is no whole word
    }

    @Test
    void emptyInputsAndEmptyMatcher() {
        TermMatcher<String> empty = TermMatcher.<String>builder().build();
        assertThat(empty.findAll("anything")).isEmpty();
        TermMatcher<String> m = TermMatcher.<String>builder().add("a", "x").build();
        assertThat(m.findAll("")).isEmpty();
        assertThat(m.findAll(null)).isEmpty();
        assertThat(m.size()).isEqualTo(1);
    }

    @Test
    void blankTermIsRejected() {
        assertThatThrownBy(() -> TermMatcher.<String>builder().add("  ", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStarOnlyEndsALatinTerm() {
        assertThatThrownBy(() -> TermMatcher.<String>builder().add("残疾*", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("残疾*");
        assertThatThrownBy(() -> TermMatcher.<String>builder().add("*", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyTermsStayLinearAndCorrect() {
        TermMatcher.Builder<Integer> b = TermMatcher.builder();
        for (int i = 0; i < 2000; i++) {
            b.add("term" + i, i);
        }
        b.add("aaaa", -1).add("aaab", -2);
        TermMatcher<Integer> m = b.build();
        String text = "term1999 term5 " + "a".repeat(10_000) + "b";
        List<Match<Integer>> found = m.findAll(text);
        assertThat(found)
                .filteredOn(x -> x.payload() >= 0)
                .extracting(Match::payload)
                .containsExactly(1999, 5);
        // aaaa/aaab are Latin: whole words only, so nothing inside the long run of a's
        assertThat(found).filteredOn(x -> x.payload() < 0).isEmpty();
    }

    @Test
    void isThreadSafeAfterBuild() throws Exception {
        TermMatcher<String> m = TermMatcher.<String>builder()
                .add("低保", "S")
                .add("rent", "H")
                .add("噪音", "U")
                .build();
        String text = "来电人询问低保，also the rent, 噪音扰民";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Match<String>>>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> m.findMaximal(text)));
            }
            for (Future<List<Match<String>>> f : futures) {
                assertThat(terms(f.get())).containsExactly("低保", "rent", "噪音");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
