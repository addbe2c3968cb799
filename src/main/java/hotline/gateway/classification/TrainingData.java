package hotline.gateway.classification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.classification.semantic.DangerDescription;
import hotline.gateway.classification.semantic.LabelledText;
import hotline.gateway.files.YamlFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the semantic stage learns from, as a city keeps it in config/classification/: short need descriptions in
 * Chinese and English, labelled example calls (its historical tickets with their final need, split into a tuning
 * and a validation part) and danger descriptions by category. A broken file stops the start, naming the file and
 * the line or entry.
 *
 * @param descriptions need descriptions, ids {@code desc:<NEED>:<zh|en>:<n>}
 * @param tuning       labelled calls the model learns from
 * @param validation   labelled calls a new model version is judged on, never learned from
 * @param dangers      danger descriptions, ids {@code danger:<category>:<zh|en>:<n>}
 * @param phrasings    calls written apart from the labelled corpus for the danger taxonomy, urgent and not, each
 *                     with its need (config/classification/danger-phrasings.jsonl): with the tuning part, the
 *                     examples of danger hints and of needs
 */
public record TrainingData(
        List<LabelledText> descriptions,
        List<LabelledText> tuning,
        List<LabelledText> validation,
        List<DangerDescription> dangers,
        List<LabelledText> phrasings) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TrainingData {
        descriptions = List.copyOf(descriptions);
        tuning = List.copyOf(tuning);
        validation = List.copyOf(validation);
        dangers = List.copyOf(dangers);
        phrasings = List.copyOf(phrasings);
    }

    /** Without danger phrasings: danger hints then come from the descriptions alone. */
    public static TrainingData load(Path needDescriptions, Path labelledCalls, Path dangerDescriptions) {
        return load(needDescriptions, labelledCalls, dangerDescriptions, null);
    }

    public static TrainingData load(
            Path needDescriptions, Path labelledCalls, Path dangerDescriptions, Path dangerPhrasings) {
        List<LabelledText> tuning = new ArrayList<>();
        List<LabelledText> validation = new ArrayList<>();
        readLabelled(labelledCalls, tuning, validation);
        List<LabelledText> phrasings = new ArrayList<>();
        if (dangerPhrasings != null) {
            readLabelled(dangerPhrasings, phrasings, new ArrayList<>());
        }
        return new TrainingData(
                needDescriptions(needDescriptions),
                tuning,
                validation,
                dangerDescriptions(dangerDescriptions),
                phrasings);
    }

    /** The examples of danger hints: the tuning part and the danger phrasings, urgent and not. */
    public List<LabelledText> dangerExamples() {
        List<LabelledText> all = new ArrayList<>(tuning);
        all.addAll(phrasings);
        return all;
    }

    /** What a need model learns from: the descriptions, the tuning part and the phrasings. */
    public List<LabelledText> learnedFrom() {
        List<LabelledText> all = new ArrayList<>(descriptions);
        all.addAll(tuning);
        all.addAll(phrasings);
        return all;
    }

    static void readLabelled(Path file, List<LabelledText> tuning, List<LabelledText> validation) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labelled calls " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + " line " + (i + 1);
            try {
                JsonNode node = JSON.readTree(line);
                LabelledText text = new LabelledText(
                        required(node, "id", where),
                        required(node, "text", where),
                        NeedCode.valueOf(required(node, "need", where)),
                        node.path("urgent").asBoolean(false),
                        node.path("source").asText("historical-ticket"));
                String split = node.path("split").asText("tuning");
                switch (split) {
                    case "tuning" -> tuning.add(text);
                    case "validation" -> validation.add(text);
                    default -> throw new IllegalArgumentException(where + ": split must be tuning or validation");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(where + ": not a JSON object");
            } catch (IllegalArgumentException e) {
                throw e.getMessage() != null && e.getMessage().startsWith(where)
                        ? e
                        : new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
    }

    private static String required(JsonNode node, String field, String where) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException(where + ": " + field + " is missing");
        }
        return value;
    }

    static List<LabelledText> needDescriptions(Path file) {
        List<LabelledText> result = new ArrayList<>();
        Map<String, Object> needs = map(map(readYaml(file), file, "").get("needs"), file, "needs");
        for (Map.Entry<String, Object> need : needs.entrySet()) {
            NeedCode code;
            try {
                code = NeedCode.valueOf(need.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": needs." + need.getKey() + ": unknown need");
            }
            forEachSentence(
                    file,
                    "needs." + need.getKey(),
                    need.getValue(),
                    (language, n, sentence) -> result.add(
                            LabelledText.of("desc:" + code + ":" + language + ":" + n, sentence, code, "description")));
        }
        return result;
    }

    static List<DangerDescription> dangerDescriptions(Path file) {
        List<DangerDescription> result = new ArrayList<>();
        Map<String, Object> dangers = map(map(readYaml(file), file, "").get("dangers"), file, "dangers");
        for (Map.Entry<String, Object> danger : dangers.entrySet()) {
            String category = danger.getKey();
            Map<String, Object> entry = map(danger.getValue(), file, "dangers." + category);
            Map<String, Object> sentences = new java.util.LinkedHashMap<>(entry);
            sentences.remove("terms");
            forEachSentence(
                    file,
                    "dangers." + category,
                    sentences,
                    (language, n, sentence) -> result.add(new DangerDescription(
                            "danger:" + category + ":" + language + ":" + n, category, sentence)));
        }
        return result;
    }

    private interface SentenceSink {
        void accept(String language, int n, String sentence);
    }

    private static void forEachSentence(Path file, String path, Object value, SentenceSink sink) {
        for (Map.Entry<String, Object> language : map(value, file, path).entrySet()) {
            if (!(language.getValue() instanceof List<?> list)) {
                throw new IllegalArgumentException(file + ": " + path + "." + language.getKey() + ": expected a list");
            }
            int n = 1;
            for (Object sentence : list) {
                if (!(sentence instanceof String text) || text.isBlank()) {
                    throw new IllegalArgumentException(file + ": " + path + "." + language.getKey() + ": empty entry");
                }
                sink.accept(language.getKey(), n++, text);
            }
        }
    }

    private static Object readYaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return YamlFiles.readAsText(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, Path file, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(
                    file + ": " + (path.isEmpty() ? "the file" : path) + ": expected entries below it");
        }
        return (Map<String, Object>) map;
    }
}
