package hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.outreach.EmptyRegister;
import hotline.gateway.outreach.ResidentIds;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.LocalClients;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's outreach panel in a real headless Chromium, over a register with six flagged households (and six
 * visit tickets) in one town and one in another: the figures per town and per label, counts under 5 as "<5", the
 * district filter, both languages, no console errors; not on the wall screen.
 */
class OutreachPanelBrowserTest extends GatewayIntegrationTest {

    private static final String CHANGQIAO = "310104010";
    private static final String ZHENRU = "310107022";
    private static DashboardBrowser browser;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = new DashboardBrowser(1600, 1000, "Asia/Shanghai");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Six 80-plus residents living alone with a chronic illness in 长桥, one in 真如: a visit ticket each. */
    private void register() {
        EmptyRegister.reset(jdbc);
        StringBuilder population =
                new StringBuilder("id_number,household_no,community_code,address,living_alone,name,phone\n");
        StringBuilder health = new StringBuilder("id_number,chronic_illness\n");
        for (int i = 0; i < 7; i++) {
            String community = i < 6 ? CHANGQIAO + "009" : ZHENRU + "009";
            String id = ResidentIds.of(i < 6 ? "310104" : "310107", "1939010" + (i + 1), 100 + i);
            population
                    .append(id)
                    .append(",H-DB-")
                    .append(i)
                    .append(',')
                    .append(community)
                    .append(",看板路")
                    .append(i)
                    .append("号,true,,\n");
            health.append(id).append(",true\n");
        }
        for (String[] feed : List.of(
                new String[] {"population", population.toString()}, new String[] {"health", health.toString()})) {
            Response loaded = gateway()
                    .as("dept-" + feed[0], "local-only-dept-" + feed[0] + "-key")
                    .post("/api/v1/outreach/feeds/" + feed[0] + "?snapshotDate=2026-11-30", "text/csv", feed[1]);
            assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        }
        Response run = gateway()
                .as(LocalClients.OPERATOR, LocalClients.OPERATOR_KEY)
                .post("/api/v1/outreach/match-runs", "application/json", "");
        assertThat(run.json().get("ticketsOpened").asInt()).as(run.body()).isEqualTo(7);
    }

    private String cell(String table, String attribute, String key, String column) {
        return browser.find("#" + table + " tr[" + attribute + "='" + key + "'] td[data-col='" + column + "']")
                .getText();
    }

    @Test
    void thePanelShowsFoundVisitsAndLabelsPerTownWithSmallCountsHidden() {
        register();

        browser.open(port, "lang=zh");

        assertThat(browser.find(".outreach h2").getText()).contains("主动发现");
        assertThat(cell("outreach", "data-area", CHANGQIAO, "foundFEED")).isEqualTo("6");
        assertThat(cell("outreach", "data-area", CHANGQIAO, "opened")).isEqualTo("6");
        assertThat(cell("outreach", "data-area", CHANGQIAO, "visited_on_time")).isEqualTo("0");
        assertThat(cell("outreach", "data-area", ZHENRU, "foundFEED")).isEqualTo("<5");
        assertThat(cell("outreach", "data-area", ZHENRU, "opened")).isEqualTo("<5");
        assertThat(cell("outreach-labels", "data-label", CHANGQIAO + ":ELDERLY_80_ALONE", "label"))
                .isEqualTo("高龄独居老人");
        assertThat(cell("outreach-labels", "data-label", CHANGQIAO + ":ELDERLY_80_ALONE", "households"))
                .isEqualTo("6");
        assertThat(cell("outreach-labels", "data-label", ZHENRU + ":CHRONIC_ILLNESS", "households"))
                .isEqualTo("<5");
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();

        // The district filter keeps that district's towns; English labels.
        browser.open(port, "district=310107&lang=en");
        assertThat(browser.findAll("#outreach tbody tr").stream()
                        .map(row -> row.getAttribute("data-area"))
                        .toList())
                .containsExactly(ZHENRU);
        assertThat(browser.find("#outreach th[data-col='foundHOTLINE']").getText())
                .isEqualTo("Found by call");
        assertThat(cell("outreach-labels", "data-label", ZHENRU + ":ELDERLY_80_ALONE", "label"))
                .isEqualTo("aged 80 or over and living alone");
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();

        // The wall screen is the SLA's: the panel is not on it.
        browser.open(port, "wall=1&lang=zh");
        assertThat(browser.find(".outreach").isDisplayed()).isFalse();
        assertThat(browser.find("#league").isDisplayed()).isTrue();
    }
}
