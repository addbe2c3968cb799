package hotline.gateway.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Our own Aho-Corasick automaton (not org.ahocorasick) because every term carries its own boundary rule:
 * Latin/digit terms match at word boundaries, {@code prefix*} terms take any continuation of letters, CJK
 * terms match anywhere.
 *
 * <p>Built once from (term, payload) pairs by {@link #builder()}; immutable and thread-safe afterwards. Terms
 * are normalized with {@link TextNormalizer} at build time, so the text given to {@link #findAll(String)} and
 * {@link #findMaximal(String)} must be normalized the same way (positions refer to that normalized text).
 * One scan, linear in the text length plus the number of occurrences; no regular expressions, no allocation
 * per call beyond the result list and its {@link Match} records.
 *
 * <p>Boundary rule. A term whose first character is a Latin letter or a digit matches only where the
 * character before it is not one ({@link TextNormalizer#isWordChar(char)}); a term whose last character is a
 * Latin letter or a digit matches only where the character after it is not one. For terms made only of Latin
 * letters, digits, spaces and punctuation that is the usual word boundary ({@code ill} does not match in
 * {@code will} or {@code illegal}). A Latin term ending in {@code *} ({@code evict*}) needs the boundary at
 * its start only; the match extends over the letters that follow ({@code evicted}). CJK terms match anywhere.
 * The same term may be added with several payloads; every payload is reported.
 *
 * @param <T> the payload type
 */
public final class TermMatcher<T> {

    /**
     * One occurrence of a term in the normalized text.
     *
     * @param term    the term as it was added (before normalization, with its {@code *} if any)
     * @param payload the payload the term was added with
     * @param start   index of the first character in the normalized text
     * @param end     index after the last character (for a {@code prefix*} term: after the continuation)
     */
    public record Match<T>(String term, T payload, int start, int end) {}

    private static final Comparator<Match<?>> BY_POSITION = Comparator.<Match<?>>comparingInt(Match::start)
            .thenComparing(Comparator.<Match<?>>comparingInt(Match::end).reversed());

    private static final int[] NO_OUTPUT = new int[0];
    private static final char[] NO_CHARS = new char[0];

    // entries (one per add call)
    private final String[] terms;
    private final Object[] payloads;
    private final int[] lengths;
    private final boolean[] startBoundary;
    private final boolean[] endBoundary;
    private final boolean[] prefix;

    // automaton: per node, sorted edge labels and targets; failure and output links
    private final char[][] edgeChars;
    private final int[][] edgeTargets;
    private final int[] fail;
    private final int[] outLink;
    private final int[][] outputs;

    private TermMatcher(List<String> addedTerms, List<Object> addedPayloads) {
        int n = addedTerms.size();
        terms = new String[n];
        payloads = new Object[n];
        lengths = new int[n];
        startBoundary = new boolean[n];
        endBoundary = new boolean[n];
        prefix = new boolean[n];

        List<Map<Character, Integer>> children = new ArrayList<>();
        List<List<Integer>> nodeOutputs = new ArrayList<>();
        children.add(new HashMap<>());
        nodeOutputs.add(new ArrayList<>());

        for (int id = 0; id < n; id++) {
            String written = addedTerms.get(id);
            String key = TextNormalizer.normalize(written);
            boolean isPrefix = key.length() > 1
                    && key.charAt(key.length() - 1) == '*'
                    && TextNormalizer.isLatinLetter(key.charAt(key.length() - 2));
            if (isPrefix) {
                key = key.substring(0, key.length() - 1);
            } else if (key.endsWith("*")) {
                throw new IllegalArgumentException("'*' may only end a Latin term (evict*): '" + written + "'");
            }
            if (key.isEmpty()) {
                throw new IllegalArgumentException("empty term: '" + written + "'");
            }
            terms[id] = written;
            payloads[id] = addedPayloads.get(id);
            lengths[id] = key.length();
            prefix[id] = isPrefix;
            startBoundary[id] = TextNormalizer.isWordChar(key.charAt(0));
            endBoundary[id] = !isPrefix && TextNormalizer.isWordChar(key.charAt(key.length() - 1));

            int node = 0;
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                Integer next = children.get(node).get(c);
                if (next == null) {
                    next = children.size();
                    children.add(new HashMap<>());
                    nodeOutputs.add(new ArrayList<>());
                    children.get(node).put(c, next);
                }
                node = next;
            }
            nodeOutputs.get(node).add(id);
        }

        int nodes = children.size();
        edgeChars = new char[nodes][];
        edgeTargets = new int[nodes][];
        outputs = new int[nodes][];
        for (int node = 0; node < nodes; node++) {
            Map<Character, Integer> map = children.get(node);
            char[] cs = new char[map.size()];
            int k = 0;
            for (Character c : map.keySet()) {
                cs[k++] = c;
            }
            Arrays.sort(cs);
            int[] ts = new int[cs.length];
            for (int i = 0; i < cs.length; i++) {
                ts[i] = map.get(cs[i]);
            }
            edgeChars[node] = cs.length == 0 ? NO_CHARS : cs;
            edgeTargets[node] = ts;
            List<Integer> outs = nodeOutputs.get(node);
            outputs[node] = outs.isEmpty()
                    ? NO_OUTPUT
                    : outs.stream().mapToInt(Integer::intValue).toArray();
        }

        // breadth-first: failure links and output links (nearest proper suffix node that has outputs)
        fail = new int[nodes];
        outLink = new int[nodes];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int t : edgeTargets[0]) {
            fail[t] = 0;
            outLink[t] = 0;
            queue.add(t);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            char[] cs = edgeChars[node];
            int[] ts = edgeTargets[node];
            for (int i = 0; i < cs.length; i++) {
                int child = ts[i];
                int f = fail[node];
                int target;
                while (true) {
                    target = child(f, cs[i]);
                    if (target >= 0 || f == 0) {
                        break;
                    }
                    f = fail[f];
                }
                fail[child] = target >= 0 && target != child ? target : 0;
                int fc = fail[child];
                outLink[child] = outputs[fc].length > 0 ? fc : outLink[fc];
                queue.add(child);
            }
        }
    }

    /** A new, empty builder. */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Number of (term, payload) entries. */
    public int size() {
        return terms.length;
    }

    private int child(int node, char c) {
        char[] cs = edgeChars[node];
        int i = Arrays.binarySearch(cs, c);
        return i >= 0 ? edgeTargets[node][i] : -1;
    }

    /**
     * Every occurrence of every term in {@code normalizedText} (overlapping and nested ones included), ordered
     * by start, then longer first.
     */
    public List<Match<T>> findAll(String normalizedText) {
        List<Match<T>> result = new ArrayList<>();
        if (normalizedText == null || normalizedText.isEmpty()) {
            return result;
        }
        String text = normalizedText;
        int n = text.length();
        int node = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            while (true) {
                int next = child(node, c);
                if (next >= 0) {
                    node = next;
                    break;
                }
                if (node == 0) {
                    break;
                }
                node = fail[node];
            }
            for (int o = outputs[node].length > 0 ? node : outLink[node]; o > 0; o = outLink[o]) {
                for (int id : outputs[o]) {
                    emit(text, i + 1, id, result);
                }
            }
        }
        if (result.size() > 1) {
            result.sort(BY_POSITION);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private void emit(String text, int end, int id, List<Match<T>> result) {
        int start = end - lengths[id];
        if (startBoundary[id] && start > 0 && TextNormalizer.isWordChar(text.charAt(start - 1))) {
            return;
        }
        if (prefix[id]) {
            while (end < text.length() && TextNormalizer.isLatinLetter(text.charAt(end))) {
                end++;
            }
        } else if (endBoundary[id] && end < text.length() && TextNormalizer.isWordChar(text.charAt(end))) {
            return;
        }
        result.add(new Match<>(terms[id], (T) payloads[id], start, end));
    }

    /**
     * The occurrences of {@link #findAll(String)} without those whose span lies strictly inside the span of
     * another occurrence (so {@code 漕河泾街道} hides {@code 漕河泾}); occurrences with equal spans are all kept.
     * Overlapping occurrences that do not nest are all kept. Ordered by start, then longer first.
     */
    public List<Match<T>> findMaximal(String normalizedText) {
        List<Match<T>> all = findAll(normalizedText);
        if (all.size() < 2) {
            return all;
        }
        // sorted by start asc, end desc: a container of a span always sorts before it; equal spans are adjacent.
        // A group of equal spans is strictly inside an earlier match iff an earlier span reaches its end.
        // Compacts the list in place (no second list).
        int write = 0;
        int maxEndBefore = -1;
        int i = 0;
        while (i < all.size()) {
            Match<T> first = all.get(i);
            int j = i;
            while (j < all.size()
                    && all.get(j).start() == first.start()
                    && all.get(j).end() == first.end()) {
                j++;
            }
            if (maxEndBefore < first.end()) {
                for (int k = i; k < j; k++) {
                    all.set(write++, all.get(k));
                }
            }
            maxEndBefore = Math.max(maxEndBefore, first.end());
            i = j;
        }
        all.subList(write, all.size()).clear();
        return all;
    }

    /** Collects (term, payload) pairs; not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder<T> {
        private final List<String> terms = new ArrayList<>();
        private final List<Object> payloads = new ArrayList<>();

        private Builder() {}

        /**
         * Adds {@code term} with {@code payload}. The term is normalized at build time; a trailing {@code *} after
         * a Latin letter makes it a prefix term (any other trailing {@code *} is rejected). The same term may be
         * added with several payloads.
         *
         * @throws IllegalArgumentException for a blank term or a misplaced {@code *}
         */
        public Builder<T> add(String term, T payload) {
            Objects.requireNonNull(term, "term");
            String key = TextNormalizer.normalize(term);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("empty term: '" + term + "'");
            }
            if (key.endsWith("*")
                    && (key.length() < 2 || !TextNormalizer.isLatinLetter(key.charAt(key.length() - 2)))) {
                throw new IllegalArgumentException("'*' may only end a Latin term (evict*): '" + term + "'");
            }
            terms.add(term);
            payloads.add(payload);
            return this;
        }

        /** Adds every term with the same payload. */
        public Builder<T> addAll(Iterable<String> terms, T payload) {
            for (String term : terms) {
                add(term, payload);
            }
            return this;
        }

        /** Builds the immutable automaton. */
        public TermMatcher<T> build() {
            return new TermMatcher<>(terms, payloads);
        }
    }
}
