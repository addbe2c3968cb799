package hotline.gateway.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Classifies every synthetic sample call with the real dictionary and measures: primary-need accuracy
 * (asserted at least 0.90), urgent recall (asserted 1.0, misses listed), urgency precision and the mean
 * Jaccard overlap of all needs against the expected needs (printed).
 */
class SampleCallsClassificationTest {

    private static final Path SAMPLES = Path.of("src/test/resources/samples/sample-calls.jsonl");
    private static final Path DICTIONARY = Path.of("config/need-dictionary.csv");

    private record Sample(String callId, String content, NeedCode primary, Set<NeedCode> needs, boolean urgent) {}

    private record Outcome(Sample sample, Classification result, java.util.Map<NeedCode, Double> scores) {
        boolean primaryRight() {
            return result.primary() == sample.primary();
        }
    }

    private static List<Outcome> outcomes;

    @BeforeAll
    static void classifyAll() throws IOException {
        NeedClassifier classifier = ConfiguredClassifier.dictionaryStage();
        TwoStageClassifier asTheGatewayReads =
                ConfiguredClassifier.withoutSemanticStage(ConfiguredClassifier.dangerFirstNeed());
        ObjectMapper mapper = new ObjectMapper();
        outcomes = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLES, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = mapper.readTree(line);
            JsonNode expected = node.get("expected");
            Set<NeedCode> needs = new HashSet<>();
            expected.get("needs").forEach(n -> needs.add(NeedCode.valueOf(n.asText())));
            Sample sample = new Sample(
                    node.get("callId").asText(),
                    node.get("content").asText(),
                    NeedCode.valueOf(expected.get("primaryNeed").asText()),
                    needs,
                    expected.get("urgent").asBoolean());
            outcomes.add(new Outcome(
                    sample,
                    asTheGatewayReads.classify(sample.content()).classification(),
                    classifier.scores(sample.content())));
        }
        assertThat(outcomes).isNotEmpty();
        printFigures();
    }

    private static void printFigures() {
        int n = outcomes.size();
        long right = outcomes.stream().filter(Outcome::primaryRight).count();
        long expectedUrgent = outcomes.stream().filter(o -> o.sample().urgent()).count();
        long flagged = outcomes.stream().filter(o -> o.result().urgent()).count();
        long truePositive = outcomes.stream()
                .filter(o -> o.sample().urgent() && o.result().urgent())
                .count();
        double jaccard = outcomes.stream()
                .mapToDouble(SampleCallsClassificationTest::jaccard)
                .average()
                .orElse(0);

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n== need classification on %d sample calls ==%n", n));
        out.append(String.format(Locale.ROOT, "primary-need accuracy : %.3f (%d/%d)%n", (double) right / n, right, n));
        out.append(String.format(
                Locale.ROOT,
                "urgent recall         : %.3f (%d/%d)%n",
                expectedUrgent == 0 ? 1.0 : (double) truePositive / expectedUrgent,
                truePositive,
                expectedUrgent));
        out.append(String.format(
                Locale.ROOT,
                "urgency precision     : %.3f (%d/%d)%n",
                flagged == 0 ? 1.0 : (double) truePositive / flagged,
                truePositive,
                flagged));
        out.append(String.format(Locale.ROOT, "mean Jaccard(all)     : %.3f%n", jaccard));
        for (Outcome o : outcomes) {
            boolean urgencyWrong = o.sample().urgent() != o.result().urgent();
            if (!o.primaryRight() || urgencyWrong || jaccard(o) < 1.0) {
                out.append(String.format(
                        Locale.ROOT,
                        "  %s %s expected %s %s urgent=%s | got %s %s conf=%.2f urgent=%s %s evidence=%s%n",
                        o.primaryRight() ? "  " : "XX",
                        o.sample().callId(),
                        o.sample().primary(),
                        o.sample().needs(),
                        o.sample().urgent(),
                        o.result().primary(),
                        o.result().all(),
                        o.result().confidence(),
                        o.result().urgent(),
                        o.result().urgencyEvidence(),
                        o.result().evidence()));
                out.append("        scores ").append(o.scores()).append('\n');
            }
        }
        System.out.println(out);
    }

    private static double jaccard(Outcome o) {
        Set<NeedCode> got = new HashSet<>(o.result().all());
        Set<NeedCode> union = new HashSet<>(got);
        union.addAll(o.sample().needs());
        got.retainAll(o.sample().needs());
        return union.isEmpty() ? 1.0 : (double) got.size() / union.size();
    }

    @Test
    void primaryNeedAccuracyIsAtLeastNinetyPercent() {
        long right = outcomes.stream().filter(Outcome::primaryRight).count();
        List<String> wrong = outcomes.stream()
                .filter(o -> !o.primaryRight())
                .map(o -> o.sample().callId() + " expected " + o.sample().primary() + " got "
                        + o.result().primary())
                .toList();
        assertThat((double) right / outcomes.size())
                .as("primary-need accuracy; wrong: %s", wrong)
                .isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void everyExpectedUrgentCallIsUrgent() {
        List<String> missed = outcomes.stream()
                .filter(o -> o.sample().urgent() && !o.result().urgent())
                .map(o -> o.sample().callId())
                .toList();
        assertThat(missed).as("urgent calls not flagged urgent").isEmpty();
    }

    @Test
    void everyResultIsWellFormed() {
        for (Outcome o : outcomes) {
            Classification c = o.result();
            assertThat(c.all()).first().isEqualTo(c.primary());
            assertThat(c.all()).doesNotHaveDuplicates();
            assertThat(c.confidence()).isBetween(0.0, 1.0);
            if (c.primary() != NeedCode.OTHER) {
                assertThat(c.evidence()).as(o.sample().callId()).isNotEmpty();
            }
        }
    }
}
