package hotline.gateway.classification.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.classification.NeedCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A call with its true need and urgency, from a labelled file (config/classification/labelled-calls.jsonl, the
 * frozen test set, or the sample calls).
 *
 * @param split tuning, validation, frozen-test or sample
 */
public record LabelledCall(String id, String text, NeedCode need, List<NeedCode> needs, boolean urgent, String split) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Labelled calls and the frozen test set: one object per line with text, need, needs, urgent (and split). */
    public static List<LabelledCall> read(Path file, String defaultSplit) {
        List<LabelledCall> calls = new ArrayList<>();
        for (JsonNode node : lines(file)) {
            List<NeedCode> needs = new ArrayList<>();
            node.path("needs").forEach(n -> needs.add(NeedCode.valueOf(n.asText())));
            calls.add(new LabelledCall(
                    node.path("id").asText(),
                    node.path("text").asText(),
                    NeedCode.valueOf(node.path("need").asText()),
                    needs,
                    node.path("urgent").asBoolean(),
                    node.path("split").asText(defaultSplit)));
        }
        return calls;
    }

    /** The sample calls (../shared/data/sample-calls.jsonl): content and expected need; urgency from the text. */
    public static List<LabelledCall> readSamples(Path file) {
        List<LabelledCall> calls = new ArrayList<>();
        for (JsonNode node : lines(file)) {
            JsonNode expected = node.path("expected");
            List<NeedCode> needs = new ArrayList<>();
            expected.path("needs").forEach(n -> needs.add(NeedCode.valueOf(n.asText())));
            calls.add(new LabelledCall(
                    node.path("callId").asText(),
                    node.path("content").asText(),
                    NeedCode.valueOf(expected.path("primaryNeed").asText()),
                    needs,
                    expected.path("urgent").asBoolean(),
                    "sample"));
        }
        return calls;
    }

    private static List<JsonNode> lines(Path file) {
        try {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
