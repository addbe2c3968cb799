package hotline.gateway.classification;

import hotline.gateway.text.TermMatcher;
import hotline.gateway.text.TermMatcher.Match;
import hotline.gateway.text.TextNormalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Classifies the text of a call (or of a community report: content plus visit findings) into needs, with a
 * confidence, the evidence and an urgency flag. Built once from a {@link NeedDictionary}; {@link #classify}
 * is two {@link TermMatcher#findMaximal} passes over the normalized text (need and information terms; danger terms
 * and cues, so that neither kind hides the other) plus arithmetic over the matches (no
 * regular expressions, no maps rebuilt), and is thread-safe.
 *
 * <h2>Scoring</h2>
 * <ul>
 *   <li>score(need) = sum of the weights of the <em>distinct</em> dictionary terms of that need found in the
 *       text. Maximal matches only: a longer term hides a shorter one inside it (大病医疗救助 does not also
 *       count 医疗救助 at the same place). A term repeated in the text counts once. The INFO list
 *       (information-only, off-topic, thank-you) is scored the same way. Weights: 3 specific, 2 strong,
 *       1 context (see config/need-dictionary.csv).</li>
 *   <li>best = the highest need score (ties: {@link NeedCode} order, but a tie never passes the default
 *       threshold); competitor = the larger of the second highest need score and the INFO score.</li>
 *   <li>confidence = best / (best + competitor) &times; min(1, best / {@value #FULL_EVIDENCE}), two decimals.
 *       The first factor says how clearly the best need beats its strongest rival (1 when alone, 0.5 on a
 *       tie); the second damps thin evidence: below the weight of one specific term (3) the confidence
 *       shrinks in proportion. Monotone: more evidence for the best need never lowers it, more for a rival
 *       never raises it. 0 when nothing matched.</li>
 *   <li>The best need is the primary when confidence &ge; minConfidence and it outweighs INFO; otherwise
 *       primary = OTHER and all = [OTHER] (triage, never a guess); the confidence is still reported.</li>
 *   <li>all = the primary, then every other need whose score is at least {@value #SECONDARY_SHARE} of the
 *       best score and at least {@value #SECONDARY_MIN_SCORE} (the weight of one specific term, so a lone
 *       context word such as 孩子 or school does not add a need), by score.</li>
 *   <li>evidence = the terms (as written in the dictionary) of the needs in all, distinct, in order of first
 *       appearance; for OTHER, every need and INFO term found, so triage sees what was there.</li>
 * </ul>
 *
 * <h2>Default minConfidence {@value #DEFAULT_MIN_CONFIDENCE}</h2>
 * A tie between two needs gives 0.5, so anything at or below 0.5 is a coin toss; 0.55 demands that the best
 * need outweigh its strongest rival by at least 1.22 : 1, and that an unopposed need carry at least 1.65 weight
 * points (one strong term, or two context words). One context word alone (weight 1: 0.33) never decides.
 * On the 50 sample calls the off-topic ones score at most 0.30, and the closest calls that are still right
 * score 0.55 (two needs at 11 : 9); nothing falls in between.
 *
 * <h2>Urgency</h2>
 * danger = sum of the weights of the distinct URGENT terms found; now = the largest NOW or VULNERABLE weight found.
 * urgent = danger &gt; 0 and danger + now &ge; {@value #URGENT_THRESHOLD}. A weight-1 term (煤气味, 起火, 被困,
 * 自杀, sleeping rough) is urgent alone; a 0.5 term (没吃东西, 锁在屋里, freezing) needs a second danger term or
 * an immediacy cue (今天, 马上, now, tonight) or a vulnerable person (婴儿, bedridden). An immediacy cue or a
 * vulnerable person alone never is. URGENT and NOW terms in the same clause (text between {@code , . ; ! ? 。}, or
 * whitespace between two Han characters)
 * as a RESOLVED term (已被, 已扑灭, 前几天, was put out, last year ...) are ignored, and so are URGENT terms in
 * the later clauses of its sentence up to the next immediacy cue, so a resolved past event raises no alarm. urgencyEvidence lists the danger terms and
 * immediacy cues that counted, in order of appearance (empty when not urgent). The operator's own flag is
 * combined elsewhere.
 */
public final class NeedClassifier {

    /** Default minimum confidence; see the class comment. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.55;
    /** Best score at which confidence is no longer damped (the weight of one specific term). */
    public static final double FULL_EVIDENCE = 3.0;
    /** A secondary need must reach this share of the best score. */
    public static final double SECONDARY_SHARE = 0.3;
    /** ... and at least this score. */
    public static final double SECONDARY_MIN_SCORE = 3.0;
    /** danger + now must reach this for urgent. */
    public static final double URGENT_THRESHOLD = 1.0;

    private static final NeedCode[] NEEDS = NeedCode.values();
    private static final double EPSILON = 1e-9;

    private record Entry(DictionaryTerm term, int index) {}

    // Two matchers, so that a danger phrase never hides a need term inside it (困在车里 and 困在) nor the reverse.
    private final TermMatcher<Entry> needMatcher;
    private final TermMatcher<Entry> urgencyMatcher;
    private final int termCount;
    private final double minConfidence;

    /** A classifier with {@link #DEFAULT_MIN_CONFIDENCE}. */
    public NeedClassifier(NeedDictionary dictionary) {
        this(dictionary, DEFAULT_MIN_CONFIDENCE);
    }

    public NeedClassifier(NeedDictionary dictionary, double minConfidence) {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be within 0..1: " + minConfidence);
        }
        this.minConfidence = minConfidence;
        TermMatcher.Builder<Entry> needs = TermMatcher.builder();
        TermMatcher.Builder<Entry> urgency = TermMatcher.builder();
        List<DictionaryTerm> terms = dictionary.terms();
        for (int i = 0; i < terms.size(); i++) {
            DictionaryTerm term = terms.get(i);
            boolean need = term.kind() == TermKind.NEED || term.kind() == TermKind.INFO;
            (need ? needs : urgency).add(term.term(), new Entry(term, i));
        }
        this.needMatcher = needs.build();
        this.urgencyMatcher = urgency.build();
        this.termCount = terms.size();
    }

    public double minConfidence() {
        return minConfidence;
    }

    /** Classifies {@code text} (null or blank: OTHER, confidence 0, not urgent). */
    public Classification classify(String text) {
        Tally t = tally(text);
        double[] scores = t.scores;

        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0 && (best < 0 || scores[i] > scores[best] + EPSILON)) {
                best = i;
            }
        }
        double bestScore = best < 0 ? 0 : scores[best];
        double second = 0;
        for (int i = 0; i < scores.length; i++) {
            if (i != best) {
                second = Math.max(second, scores[i]);
            }
        }
        double competitor = Math.max(second, t.info);
        double confidence =
                bestScore <= 0 ? 0 : bestScore / (bestScore + competitor) * Math.min(1.0, bestScore / FULL_EVIDENCE);
        confidence = Math.round(confidence * 100) / 100.0;

        boolean urgent = t.danger > 0 && t.danger + t.now >= URGENT_THRESHOLD - EPSILON;
        List<String> urgencyEvidence = urgent ? distinctTerms(t.urgencyMatches) : List.of();

        boolean passes = best >= 0 && bestScore > t.info + EPSILON && confidence >= minConfidence - EPSILON;
        if (!passes) {
            List<Match<Entry>> shown = new ArrayList<>();
            for (Match<Entry> m : t.matches) {
                TermKind kind = m.payload().term().kind();
                if (kind == TermKind.NEED || kind == TermKind.INFO) {
                    shown.add(m);
                }
            }
            return new Classification(
                    NeedCode.OTHER, List.of(NeedCode.OTHER), confidence, distinctTerms(shown), urgent, urgencyEvidence);
        }

        List<NeedCode> all = new ArrayList<>();
        all.add(NEEDS[best]);
        List<Integer> secondary = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (i != best
                    && scores[i] >= SECONDARY_MIN_SCORE - EPSILON
                    && scores[i] >= SECONDARY_SHARE * bestScore - EPSILON) {
                secondary.add(i);
            }
        }
        secondary.sort((a, b) -> Double.compare(scores[b], scores[a]));
        for (int i : secondary) {
            all.add(NEEDS[i]);
        }
        List<Match<Entry>> shown = new ArrayList<>();
        for (Match<Entry> m : t.matches) {
            DictionaryTerm term = m.payload().term();
            if (term.kind() == TermKind.NEED && all.contains(term.need())) {
                shown.add(m);
            }
        }
        return new Classification(NEEDS[best], all, confidence, distinctTerms(shown), urgent, urgencyEvidence);
    }

    /**
     * The per-need scores of {@code text} (only needs that scored; INFO is not a need and is left out), for
     * explanation and tuning; the same arithmetic as {@link #classify}.
     */
    public Map<NeedCode, Double> scores(String text) {
        double[] scores = tally(text).scores;
        Map<NeedCode, Double> result = new EnumMap<>(NeedCode.class);
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0) {
                result.put(NEEDS[i], scores[i]);
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /** The sums over one findMaximal pass. */
    private static final class Tally {
        final List<Match<Entry>> matches;
        final double[] scores = new double[NEEDS.length];
        double info;
        double danger;
        double now;
        final List<Match<Entry>> urgencyMatches = new ArrayList<>(4);

        Tally(List<Match<Entry>> matches) {
            this.matches = matches;
        }
    }

    private Tally tally(String text) {
        String normalized = TextNormalizer.normalize(text);
        Tally t = new Tally(needMatcher.findMaximal(normalized));
        List<Match<Entry>> urgencyTerms = urgencyMatcher.findMaximal(normalized);
        List<Match<Entry>> resolved = new ArrayList<>(2);
        List<Match<Entry>> nows = new ArrayList<>(2);
        for (Match<Entry> m : urgencyTerms) {
            TermKind kind = m.payload().term().kind();
            if (kind == TermKind.RESOLVED) {
                resolved.add(m);
            } else if (kind == TermKind.NOW) {
                nows.add(m);
            }
        }
        BitSet counted = new BitSet(termCount);
        List<Match<Entry>> all = new ArrayList<>(t.matches.size() + urgencyTerms.size());
        all.addAll(t.matches);
        all.addAll(urgencyTerms);
        for (Match<Entry> m : all) {
            DictionaryTerm term = m.payload().term();
            int index = m.payload().index();
            if (counted.get(index)) {
                continue; // a term counts once, however often it occurs
            }
            switch (term.kind()) {
                case NEED -> {
                    counted.set(index);
                    t.scores[term.need().ordinal()] += term.weight();
                }
                case INFO -> {
                    counted.set(index);
                    t.info += term.weight();
                }
                case URGENT, NOW -> {
                    if (!silenced(normalized, m, resolved, nows)) {
                        counted.set(index);
                        t.urgencyMatches.add(m);
                        if (term.kind() == TermKind.URGENT) {
                            t.danger += term.weight();
                        } else {
                            t.now = Math.max(t.now, term.weight());
                        }
                    }
                }
                case VULNERABLE -> {
                    // a person's state, not an event: nothing resolves it
                    counted.set(index);
                    t.urgencyMatches.add(m);
                    t.now = Math.max(t.now, term.weight());
                }
                case RESOLVED -> {
                    // only silences, see silenced()
                }
                case NEUTRAL -> {
                    // only hides the shorter terms inside it
                }
            }
        }
        return t;
    }

    /**
     * A resolved cue silences the danger terms and cues of its own clause, and the danger terms of the clauses after
     * it in the same sentence (去年着过一次火，厨房都烧黑了) until an immediacy cue says what is happening now
     * (去年着过火，现在又冒烟了).
     */
    private static boolean silenced(String text, Match<Entry> m, List<Match<Entry>> resolved, List<Match<Entry>> nows) {
        for (Match<Entry> r : resolved) {
            if (sameClause(text, m, r)) {
                return true;
            }
            if (m.payload().term().kind() == TermKind.URGENT
                    && r.end() <= m.start()
                    && sameSentence(text, r, m)
                    && !cueBetween(text, nows, r, m)) {
                return true;
            }
        }
        return false;
    }

    /** An immediacy cue after the resolved one, before the danger term or in its clause (he is vomiting now). */
    private static boolean cueBetween(String text, List<Match<Entry>> nows, Match<?> resolved, Match<?> danger) {
        for (Match<Entry> n : nows) {
            if (n.start() >= resolved.end() && (n.end() <= danger.start() || sameClause(text, n, danger))) {
                return true;
            }
        }
        return false;
    }

    /** No clause delimiter between the two spans (overlapping spans are in the same clause). */
    private static boolean sameClause(String text, Match<?> a, Match<?> b) {
        int from = Math.min(a.end(), b.end());
        int to = Math.max(a.start(), b.start());
        for (int i = from; i < to; i++) {
            if (isClauseDelimiter(text.charAt(i)) || isSpaceBetweenHan(text, i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whitespace between two Han characters: a text message written without punctuation (有个男的跟了我 现在在门口)
     * separates its clauses so.
     */
    private static boolean isSpaceBetweenHan(String text, int i) {
        if (!Character.isWhitespace(text.charAt(i))) {
            return false;
        }
        int before = i - 1;
        while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        int after = i + 1;
        while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        return before >= 0 && after < text.length() && isHan(text.charAt(before)) && isHan(text.charAt(after));
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean sameSentence(String text, Match<?> a, Match<?> b) {
        int from = Math.min(a.end(), b.end());
        int to = Math.max(a.start(), b.start());
        for (int i = from; i < to; i++) {
            if (isSentenceDelimiter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isClauseDelimiter(char c) {
        return c == ',' || isSentenceDelimiter(c);
    }

    private static boolean isSentenceDelimiter(char c) {
        return switch (c) {
            case '。', '.', ';', '!', '?', '…', '｡' -> true;
            default -> false;
        };
    }

    private static List<String> distinctTerms(List<Match<Entry>> matches) {
        Set<String> terms = new LinkedHashSet<>();
        for (Match<Entry> m : matches) {
            terms.add(m.payload().term().term());
        }
        return List.copyOf(terms);
    }
}
