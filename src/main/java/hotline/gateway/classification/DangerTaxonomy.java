package hotline.gateway.classification;

import hotline.gateway.files.YamlFiles;
import hotline.gateway.text.TextNormalizer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The danger taxonomy (config/classification/danger-taxonomy.yml): the categories of danger that make a call urgent
 * (weapons and violence, fire and smoke, gas, electricity, water, collapse, falls, self-harm, a child or dependent
 * alone, a missing person with dementia, no food, water, heat or shelter today, medical crisis), each with its terms
 * in Chinese and English, and the immediacy and resolved-event cues. A term under {@code alone} is urgent on its
 * own; one under {@code with-cue} needs an immediacy cue, a vulnerable person or a second danger term. They become
 * the URGENT, NOW, VULNERABLE and RESOLVED terms of the classifier (see {@link NeedClassifier}); the optional
 * {@code neutral} list holds words that count for nothing and only hide the shorter terms inside them. A category
 * may name the need that comes first when its danger makes a call urgent ({@code primary-need}, see
 * {@link DangerFirstNeed}).
 */
public final class DangerTaxonomy {

    /** Weight of a term that is urgent on its own, and of one that needs a cue (see NeedClassifier's threshold). */
    static final double ALONE = 1.0;

    static final double WITH_CUE = 0.5;

    private static final Set<String> CATEGORY_KEYS = Set.of("name", "primary-need", "alone", "with-cue");
    private static final Set<String> LANGUAGES = Set.of("zh", "en");

    private final Map<String, Map<String, String>> names;
    private final List<DictionaryTerm> terms;
    private final Map<String, String> categoryByTerm;
    private final Map<String, NeedCode> primaryNeeds;

    private DangerTaxonomy(
            Map<String, Map<String, String>> names,
            List<DictionaryTerm> terms,
            Map<String, String> categoryByTerm,
            Map<String, NeedCode> primaryNeeds) {
        this.names = names;
        this.terms = List.copyOf(terms);
        this.categoryByTerm = categoryByTerm;
        this.primaryNeeds = Map.copyOf(primaryNeeds);
    }

    public static DangerTaxonomy load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read danger taxonomy " + file, e);
        }
    }

    /** A broken file fails naming the file and the entry. */
    @SuppressWarnings("unchecked")
    public static DangerTaxonomy parse(Reader reader, String name) {
        Object document = YamlFiles.readAsText(reader, name);
        if (!(document instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException(name + ": expected entries categories, immediacy and resolved");
        }
        for (Object key : root.keySet()) {
            if (!Set.of("categories", "immediacy", "vulnerable", "resolved", "neutral")
                    .contains(key)) {
                throw new IllegalArgumentException(name + ": " + key + ": unknown entry");
            }
        }
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        List<DictionaryTerm> terms = new ArrayList<>();
        Map<String, String> categoryByTerm = new HashMap<>();
        Map<String, NeedCode> primaryNeeds = new HashMap<>();
        Map<String, Object> categories = map(root.get("categories"), name, "categories");
        for (Map.Entry<String, Object> category : categories.entrySet()) {
            String path = "categories." + category.getKey();
            Map<String, Object> entry = map(category.getValue(), name, path);
            for (String key : entry.keySet()) {
                if (!CATEGORY_KEYS.contains(key)) {
                    throw new IllegalArgumentException(name + ": " + path + "." + key + ": unknown entry");
                }
            }
            Map<String, String> categoryNames = new LinkedHashMap<>();
            if (entry.containsKey("name")) {
                map(entry.get("name"), name, path + ".name")
                        .forEach((lang, text) -> categoryNames.put(lang, String.valueOf(text)));
            }
            names.put(category.getKey(), categoryNames);
            if (entry.containsKey("primary-need")) {
                primaryNeeds.put(category.getKey(), need(entry.get("primary-need"), name, path + ".primary-need"));
            }
            if (entry.containsKey("alone")) {
                for (String term : terms(entry.get("alone"), name, path + ".alone")) {
                    terms.add(new DictionaryTerm(TermKind.URGENT, null, ALONE, term, 0));
                    categoryByTerm.put(TextNormalizer.normalize(term), category.getKey());
                }
            }
            if (entry.containsKey("with-cue")) {
                for (String term : terms(entry.get("with-cue"), name, path + ".with-cue")) {
                    terms.add(new DictionaryTerm(TermKind.URGENT, null, WITH_CUE, term, 0));
                    categoryByTerm.putIfAbsent(TextNormalizer.normalize(term), category.getKey());
                }
            }
        }
        for (String term : terms(root.get("immediacy"), name, "immediacy")) {
            terms.add(new DictionaryTerm(TermKind.NOW, null, ALONE, term, 0));
        }
        if (root.containsKey("vulnerable")) {
            for (String term : terms(root.get("vulnerable"), name, "vulnerable")) {
                terms.add(new DictionaryTerm(TermKind.VULNERABLE, null, WITH_CUE, term, 0));
            }
        }
        for (String term : terms(root.get("resolved"), name, "resolved")) {
            terms.add(new DictionaryTerm(TermKind.RESOLVED, null, ALONE, term, 0));
        }
        if (root.containsKey("neutral")) {
            for (String term : terms(root.get("neutral"), name, "neutral")) {
                terms.add(new DictionaryTerm(TermKind.NEUTRAL, null, ALONE, term, 0));
            }
        }
        return new DangerTaxonomy(names, terms, categoryByTerm, primaryNeeds);
    }

    /** The URGENT, NOW, VULNERABLE, RESOLVED and NEUTRAL terms, for the classifier. */
    public List<DictionaryTerm> terms() {
        return terms;
    }

    /** The category codes, in the file's order. */
    public Set<String> categories() {
        return names.keySet();
    }

    /** The category of a danger term as the classifier reports it (null for cues and unknown terms). */
    public String categoryOf(String term) {
        return categoryByTerm.get(TextNormalizer.normalize(term));
    }

    /** The need a call made urgent by this category's danger has first, if the category names one. */
    public Optional<NeedCode> primaryNeed(String category) {
        return Optional.ofNullable(category == null ? null : primaryNeeds.get(category));
    }

    /** The category's name in a language (zh, en), or its code. */
    public String name(String category, String language) {
        return names.getOrDefault(category, Map.of()).getOrDefault(language, category);
    }

    private static NeedCode need(Object value, String name, String path) {
        for (NeedCode need : NeedCode.values()) {
            if (need != NeedCode.OTHER && need.name().equals(String.valueOf(value))) {
                return need;
            }
        }
        throw new IllegalArgumentException(name + ": " + path + ": '" + value + "' is not a need code");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String name, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + ": " + path + ": expected entries below it");
        }
        return (Map<String, Object>) map;
    }

    /** {zh: [...], en: [...]}: both languages optional, each a list of non-blank terms. */
    private static List<String> terms(Object value, String name, String path) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, Object> language : map(value, name, path).entrySet()) {
            String at = path + "." + language.getKey();
            if (!LANGUAGES.contains(language.getKey())) {
                throw new IllegalArgumentException(name + ": " + at + ": unknown language (zh or en)");
            }
            if (!(language.getValue() instanceof List<?> list)) {
                throw new IllegalArgumentException(name + ": " + at + ": expected a list of terms");
            }
            for (Object term : list) {
                if (!(term instanceof String text)
                        || TextNormalizer.normalize(text).isEmpty()) {
                    throw new IllegalArgumentException(name + ": " + at + ": empty term");
                }
                result.add(text);
            }
        }
        return result;
    }
}
