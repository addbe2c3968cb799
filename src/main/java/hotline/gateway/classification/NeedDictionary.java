package hotline.gateway.classification;

import hotline.gateway.text.TextNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The need dictionary: weighted terms per need plus the INFO, URGENT, NOW and RESOLVED marker lists, read from
 * a CSV file a city edits without a rebuild (config/need-dictionary.csv; its header comment documents the
 * format and the categories).
 *
 * <p>Format: UTF-8, one {@code category,weight,term} per line; lines starting with {@code #} and blank lines are
 * ignored, as is a {@code category,weight,term} header line. The term is everything after the second comma,
 * trimmed. A malformed line (missing field, unknown category, OTHER, weight not a positive number, empty term,
 * a {@code *} that does not end a Latin term, the same term twice in one category) throws
 * {@link IllegalArgumentException} naming its line number.
 * Immutable once parsed.
 */
public final class NeedDictionary {

    private static final String EXPECTED = Arrays.stream(NeedCode.values())
                    .filter(c -> c != NeedCode.OTHER)
                    .map(Enum::name)
                    .collect(Collectors.joining(", "))
            + ", INFO, URGENT, NOW or RESOLVED";

    private final List<DictionaryTerm> terms;

    private NeedDictionary(List<DictionaryTerm> terms) {
        this.terms = List.copyOf(terms);
    }

    /**
     * The dictionary with the danger taxonomy's urgency, immediacy and resolved terms added; a term listed twice in
     * one category (in the CSV and the taxonomy) is refused like a duplicate line.
     */
    public NeedDictionary with(DangerTaxonomy danger) {
        List<DictionaryTerm> all = new ArrayList<>(terms);
        Map<String, String> seen = new HashMap<>();
        for (DictionaryTerm term : terms) {
            seen.put(term.category() + "\u0000" + TextNormalizer.normalize(term.term()), "line " + term.line());
        }
        for (DictionaryTerm term : danger.terms()) {
            String key = term.category() + "\u0000" + TextNormalizer.normalize(term.term());
            String previous = seen.putIfAbsent(key, "the danger taxonomy");
            if (previous != null) {
                throw new IllegalArgumentException("danger taxonomy: term '" + term.term() + "' for " + term.category()
                        + " is listed twice (also in " + previous + ")");
            }
            all.add(term);
        }
        return new NeedDictionary(all);
    }

    /** Reads the dictionary file (UTF-8). */
    public static NeedDictionary load(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read need dictionary " + path, e);
        }
    }

    /** Parses the dictionary from {@code reader} (not closed). */
    public static NeedDictionary parse(Reader reader) {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<DictionaryTerm> terms = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int lineNo = 0;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                DictionaryTerm term = parseLine(trimmed, lineNo);
                if (term == null) {
                    continue; // header
                }
                String key = term.category() + "\u0000" + TextNormalizer.normalize(term.term());
                Integer previous = seen.putIfAbsent(key, lineNo);
                if (previous != null) {
                    throw malformed(
                            lineNo,
                            "duplicate term '" + term.term() + "' for " + term.category() + " (already on line "
                                    + previous + ")");
                }
                terms.add(term);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read need dictionary", e);
        }
        return new NeedDictionary(terms);
    }

    private static DictionaryTerm parseLine(String line, int lineNo) {
        String[] fields = line.split(",", 3);
        if (fields.length < 3) {
            throw malformed(lineNo, "expected 'category,weight,term' but got '" + line + "'");
        }
        String category = fields[0].strip();
        String weightText = fields[1].strip();
        String term = fields[2].strip();
        if (category.equalsIgnoreCase("category") && weightText.equalsIgnoreCase("weight")) {
            return null;
        }
        String key = TextNormalizer.normalize(term);
        if (key.isEmpty()) {
            throw malformed(lineNo, "empty term");
        }
        if (key.endsWith("*") && (key.length() < 2 || !TextNormalizer.isLatinLetter(key.charAt(key.length() - 2)))) {
            throw malformed(lineNo, "'*' may only end a Latin term (evict*), got '" + term + "'");
        }
        double weight;
        try {
            weight = Double.parseDouble(weightText);
        } catch (NumberFormatException e) {
            throw malformed(lineNo, "weight '" + weightText + "' is not a number");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw malformed(lineNo, "weight must be a positive number, got '" + weightText + "'");
        }
        String upper = category.toUpperCase(Locale.ROOT);
        for (TermKind kind : TermKind.values()) {
            if (kind != TermKind.NEED && kind.name().equals(upper)) {
                return new DictionaryTerm(kind, null, weight, term, lineNo);
            }
        }
        NeedCode need;
        try {
            need = NeedCode.valueOf(upper);
        } catch (IllegalArgumentException e) {
            throw malformed(lineNo, "unknown category '" + category + "', expected " + EXPECTED);
        }
        if (need == NeedCode.OTHER) {
            throw malformed(
                    lineNo, "OTHER is not a dictionary category (it is the triage answer), expected " + EXPECTED);
        }
        return new DictionaryTerm(TermKind.NEED, need, weight, term, lineNo);
    }

    private static IllegalArgumentException malformed(int lineNo, String message) {
        return new IllegalArgumentException("need dictionary line " + lineNo + ": " + message);
    }

    /** All terms in file order. */
    public List<DictionaryTerm> terms() {
        return terms;
    }

    /** Number of terms. */
    public int size() {
        return terms.size();
    }

    /** The terms of one kind, in file order. */
    public List<DictionaryTerm> terms(TermKind kind) {
        return terms.stream().filter(t -> t.kind() == kind).toList();
    }

    /** The terms of one need, in file order. */
    public List<DictionaryTerm> terms(NeedCode need) {
        return terms.stream().filter(t -> t.need() == need).toList();
    }
}
