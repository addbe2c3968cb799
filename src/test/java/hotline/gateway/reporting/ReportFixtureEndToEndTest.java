package hotline.gateway.reporting;

import hotline.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A test of the reports against the hand-made fixture of March 2025, written once into the shared database. */
abstract class ReportFixtureEndToEndTest extends GatewayIntegrationTest {

    static final String PERIOD = "from=" + SlaFixture.FROM + "&to=" + SlaFixture.TO;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void fixture() {
        SlaFixture.insertOnce(jdbc);
    }
}
