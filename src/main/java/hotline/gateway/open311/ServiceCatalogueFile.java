package hotline.gateway.open311;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.classification.DictionaryTerm;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.classification.NeedDictionary;
import hotline.gateway.files.YamlFiles;
import hotline.gateway.jurisdiction.District;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the service catalogue from the need taxonomy: config/open311/services.yml names each need's service (Chinese
 * and English), its group and its extra attributes; the description is the need's first Chinese and first English
 * sentence in the need descriptions (config/classification/need-descriptions.yml) unless services.yml gives one; the
 * keywords are the need's heaviest terms in the need dictionary (its names for a need without terms, OTHER). A broken
 * file stops the start.
 */
public final class ServiceCatalogueFile {

    static final int KEYWORDS = 8;

    private ServiceCatalogueFile() {}

    public static ServiceCatalogue load(
            Path services, Path needDescriptions, NeedDictionary dictionary, Collection<District> districts) {
        return build(
                YamlFiles.readTree(read(services), services.toString()),
                YamlFiles.readTree(read(needDescriptions), needDescriptions.toString()),
                dictionary,
                districts,
                services.toString());
    }

    static ServiceCatalogue build(
            JsonNode services,
            JsonNode descriptions,
            NeedDictionary dictionary,
            Collection<District> districts,
            String name) {
        JsonNode entries = services == null ? null : services.get("services");
        if (entries == null || !entries.isObject() || entries.isEmpty()) {
            throw new IllegalStateException(name + ": services: a mapping from need codes to services is required");
        }
        JsonNode needs = descriptions == null ? null : descriptions.get("needs");
        List<ServiceCatalogue.Entry> catalogue = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String where = name + ": services." + field.getKey();
            NeedCode need;
            try {
                need = NeedCode.valueOf(field.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": not a need code", e);
            }
            JsonNode entry = field.getValue();
            String zh = text(entry, "zh", where);
            String en = text(entry, "en", where);
            String group = text(entry, "group", where);
            List<String> listed = new ArrayList<>();
            JsonNode attributes = entry.get("attributes");
            if (attributes != null) {
                for (JsonNode code : attributes) {
                    if (!Attributes.OPTIONAL.contains(code.asText())) {
                        throw new IllegalStateException(
                                where + ".attributes: " + code.asText() + " is not one of " + Attributes.OPTIONAL);
                    }
                    listed.add(code.asText());
                }
            }
            boolean publicText = entry.path("publicText").asBoolean(false);
            String description = entry.hasNonNull("description")
                    ? text(entry, "description", where)
                    : description(needs == null ? null : needs.get(need.name()), zh + " / " + en);
            String keywords = keywords(dictionary, need);
            Open311Service service = new Open311Service(
                    need.name(),
                    zh + " / " + en,
                    description,
                    true,
                    "realtime",
                    keywords.isEmpty() ? zh + ", " + en : keywords,
                    group);
            catalogue.add(new ServiceCatalogue.Entry(need, service, Attributes.of(listed, districts), publicText));
        }
        return new ServiceCatalogue(catalogue);
    }

    /** The need's first Chinese and first English description; the names when it has none. */
    private static String description(JsonNode need, String names) {
        if (need == null) {
            return names;
        }
        List<String> parts = new ArrayList<>();
        for (String language : List.of("zh", "en")) {
            JsonNode sentences = need.get(language);
            if (sentences != null && sentences.isArray() && !sentences.isEmpty()) {
                parts.add(sentences.get(0).asText());
            }
        }
        return parts.isEmpty() ? names : String.join(" / ", parts);
    }

    /** The need's heaviest dictionary terms, heaviest first (in the file's order among equals). */
    private static String keywords(NeedDictionary dictionary, NeedCode need) {
        Set<String> terms = new LinkedHashSet<>();
        dictionary.terms(need).stream()
                .sorted(Comparator.comparingDouble(DictionaryTerm::weight).reversed())
                .forEach(term -> {
                    if (terms.size() < KEYWORDS) {
                        terms.add(term.term());
                    }
                });
        return String.join(", ", terms);
    }

    private static String text(JsonNode entry, String field, String where) {
        JsonNode value = entry == null ? null : entry.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException(where + "." + field + ": text is required");
        }
        return value.asText().trim();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
