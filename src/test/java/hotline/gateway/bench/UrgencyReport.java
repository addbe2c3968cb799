package hotline.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.classification.Classification;
import hotline.gateway.classification.ConfiguredClassifier;
import hotline.gateway.classification.NeedClassifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * For whoever extends config/classification/danger-taxonomy.yml: how the rules judge urgency on a file of calls
 * written apart (JSON Lines with id, text, urgent and optionally dangerCategory and register), with every call they
 * judge wrongly. Run it on new calls before any term is added for them: that figure says how the rules do on
 * phrasing they were not given. Never point it at the frozen test set.
 *
 * <pre>bench/urgency-report.sh calls.jsonl</pre>
 */
public final class UrgencyReport {

    public static void main(String[] args) throws IOException {
        NeedClassifier classifier = ConfiguredClassifier.dictionaryStage();
        ObjectMapper json = new ObjectMapper();
        int urgent = 0;
        int found = 0;
        int others = 0;
        int falseUrgent = 0;
        StringBuilder wrong = new StringBuilder();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode call = json.readTree(line);
            Classification c = classifier.classify(call.path("text").asText());
            boolean labelled = call.path("urgent").asBoolean();
            if (labelled) {
                urgent++;
                found += c.urgent() ? 1 : 0;
            } else {
                others++;
                falseUrgent += c.urgent() ? 1 : 0;
            }
            if (c.urgent() != labelled) {
                wrong.append(String.format(
                        Locale.ROOT,
                        "  %s %s %s/%s: %s%s%n",
                        call.path("id").asText(),
                        labelled ? "MISSED" : "FALSE URGENT",
                        call.path("dangerCategory").asText("-"),
                        call.path("register").asText("-"),
                        call.path("text").asText(),
                        c.urgent() ? " " + c.urgencyEvidence() : ""));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "urgent recall %d/%d (%.1f%%), false urgent %d/%d (%.1f%%)%n%s",
                found,
                urgent,
                urgent == 0 ? 0 : 100.0 * found / urgent,
                falseUrgent,
                others,
                others == 0 ? 0 : 100.0 * falseUrgent / others,
                wrong);
    }
}
