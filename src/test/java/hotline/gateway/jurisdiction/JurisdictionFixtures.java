package hotline.gateway.jurisdiction;

import java.nio.file.Path;

/** The real config/ directory files, with a small community directory of the tests' own. */
final class JurisdictionFixtures {

    private JurisdictionFixtures() {}

    static JurisdictionDirectory directory() {
        return JurisdictionDirectory.load(
                Path.of("config/districts.csv"),
                Path.of("config/jurisdictions.csv"),
                Path.of("src/test/resources/jurisdiction/communities.csv"),
                Path.of("config/gazetteer.csv"));
    }
}
