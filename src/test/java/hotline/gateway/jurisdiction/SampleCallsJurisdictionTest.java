package hotline.gateway.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expected assignment of the sample calls must hold: the share is computed and printed, and must be 100%. */
class SampleCallsJurisdictionTest {

    @Test
    void everySampleCallGoesWhereExpected() throws IOException {
        JurisdictionResolver resolver = new JurisdictionResolver(JurisdictionDirectory.load(
                Path.of("config/districts.csv"), Path.of("config/jurisdictions.csv"),
                Path.of("config/communities.csv"), Path.of("config/gazetteer.csv")));
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/samples/sample-calls.jsonl"));
        List<String> misses = new ArrayList<>();
        int total = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode call = json.readTree(line);
            JsonNode location = call.path("location");
            Assignment assignment = resolver.resolve(new LocationHints(
                    text(location, "townCode"),
                    text(location, "district"),
                    text(location, "community"),
                    text(location, "address")));
            JsonNode expected = call.get("expected");
            total++;
            if (!assignment.level().name().equals(expected.get("assignLevel").asText())
                    || !assignment.code().equals(expected.get("assignCode").asText())) {
                misses.add(call.get("callId").asText() + ": expected "
                        + expected.get("assignLevel").asText() + " "
                        + expected.get("assignCode").asText() + ", got " + assignment);
            }
        }
        double share = (total - misses.size()) / (double) total;
        System.out.printf(
                "Sample calls: jurisdiction right for %d of %d (%.1f%%)%n", total - misses.size(), total, share * 100);
        assertThat(total).isEqualTo(50);
        assertThat(misses).as("assignments that differ from the expected ones").isEmpty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
