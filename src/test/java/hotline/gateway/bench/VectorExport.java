package hotline.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hotline.gateway.classification.Classification;
import hotline.gateway.classification.ConfiguredClassifier;
import hotline.gateway.classification.NeedClassifier;
import hotline.gateway.classification.TrainingData;
import hotline.gateway.classification.semantic.BgeSmallEmbedders;
import hotline.gateway.classification.semantic.DangerDescription;
import hotline.gateway.classification.semantic.Embedders;
import hotline.gateway.classification.semantic.EmbeddingSpace;
import hotline.gateway.classification.semantic.LabelledText;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * For whoever tunes the semantic stage: writes the tuning and validation parts of the labelled calls, the need
 * descriptions and the danger descriptions with their vectors in both spaces and the dictionary's answer, one JSON
 * object a line (target/bench/labelled-vectors.jsonl), so that scoring rules can be compared without embedding
 * again. Vectors of texts already in the file are kept. It reads nothing of the frozen test set.
 */
public final class VectorExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench/labelled-vectors.jsonl");
        Map<String, JsonNode> cached = new HashMap<>();
        if (Files.exists(out)) {
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                JsonNode node = JSON.readTree(line);
                cached.put(node.path("text").asText(), node);
            }
        }
        TrainingData training = TrainingData.load(
                Path.of("config/classification/need-descriptions.yml"),
                Path.of("config/classification/labelled-calls.jsonl"),
                Path.of("config/classification/danger-descriptions.yml"));
        NeedClassifier dictionary = ConfiguredClassifier.dictionaryStage();
        Embedders embedders = BgeSmallEmbedders.load().loaded().orElseThrow();
        Files.createDirectories(out.toAbsolutePath().getParent());
        int embedded = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (LabelledText t : training.descriptions()) {
                embedded += write(
                        writer,
                        cached,
                        embedders,
                        dictionary,
                        t.id(),
                        "description",
                        t.text(),
                        t.need().name(),
                        false);
            }
            for (LabelledText t : training.tuning()) {
                embedded += write(
                        writer,
                        cached,
                        embedders,
                        dictionary,
                        t.id(),
                        "tuning",
                        t.text(),
                        t.need().name(),
                        t.urgent());
            }
            for (LabelledText t : training.validation()) {
                embedded += write(
                        writer,
                        cached,
                        embedders,
                        dictionary,
                        t.id(),
                        "validation",
                        t.text(),
                        t.need().name(),
                        t.urgent());
            }
            for (DangerDescription d : training.dangers()) {
                embedded +=
                        write(writer, cached, embedders, dictionary, d.id(), "danger", d.text(), d.category(), true);
            }
        }
        System.out.println("wrote " + out + ", embedded " + embedded + " new texts");
    }

    private static int write(
            BufferedWriter writer,
            Map<String, JsonNode> cached,
            Embedders embedders,
            NeedClassifier dictionary,
            String id,
            String part,
            String text,
            String label,
            boolean urgent)
            throws Exception {
        Classification c = dictionary.classify(text);
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("part", part);
        node.put("text", text);
        node.put("label", label);
        node.put("urgent", urgent);
        node.put("space", EmbeddingSpace.of(text).name());
        node.put("dictPrimary", c.primary().name());
        node.put("dictConfidence", c.confidence());
        node.put("dictUrgent", c.urgent());
        ObjectNode scores = node.putObject("dictScores");
        dictionary.scores(text).forEach((need, score) -> scores.put(need.name(), score));
        JsonNode old = cached.get(text);
        int fresh = 0;
        for (EmbeddingSpace space : EmbeddingSpace.values()) {
            String key = space.name().toLowerCase();
            if (old != null && old.has(key)) {
                node.set(key, old.get(key));
            } else {
                ArrayNode array = node.putArray(key);
                for (float f : embedders.embedder(space).embed(text)) {
                    array.add(f);
                }
                fresh = 1;
            }
        }
        writer.write(JSON.writeValueAsString(node));
        writer.newLine();
        return fresh;
    }
}
