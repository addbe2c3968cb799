package hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver; ./test installs them): it
 * loads without console errors, shows the fixture's figures, and its district filter, sorting and language work.
 * WallScreenBrowserTest checks the wall screen at 1920x1080.
 */
class DashboardBrowserTest extends ReportFixtureEndToEndTest {

    private static DashboardBrowser browser;

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

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }

    private void open(String query) {
        browser.open(port, query);
    }

    private String loads() {
        return browser.loads();
    }

    /** Waits for the refresh that a change started to finish. */
    private void afterRefresh(String before, Runnable change) {
        browser.afterRefresh(change);
    }

    private String figure(String key, String column) {
        String cell = "#league tr[data-key='" + key + "'] td[data-col='" + column + "']";
        return browser.find(column.equals("name") ? cell + " .name" : cell).getText();
    }

    private String kpi(String key) {
        return browser.find(".kpi[data-kpi='" + key + "'] .value").getText();
    }

    private List<String> leagueKeys() {
        return browser.findAll("#league tbody tr").stream()
                .map(row -> row.getAttribute("data-key"))
                .toList();
    }

    @Test
    void showsTheFixturesFiguresAndTheDistrictFilterChangesThem() throws IOException {
        open(PERIOD + "&lang=zh");
        assertThat(browser.driver.getCurrentUrl()).contains("/dashboard/?");
        assertThat(figure("310104003", "name")).isEqualTo("天平路街道");
        assertThat(figure("310104003", "signedOnTimeRate")).isEqualTo("75.0%");
        assertThat(figure("310104003", "resolvedOnTimeRate")).isEqualTo("60.0%");
        assertThat(figure("310104004", "resolvedOnTimeRate")).isEqualTo("—");
        assertThat(kpi("received")).isEqualTo("10");
        assertThat(kpi("satisfactionRate")).isEqualTo("71.4%");
        assertThat(browser.driver.findElements(By.cssSelector("#daily-chart canvas")))
                .isNotEmpty();
        List<WebElement> overdue = browser.driver.findElements(By.cssSelector("#overdue tbody tr"));
        assertThat(overdue.get(0).getAttribute("data-ticket")).isEqualTo("SLA-K5");
        Files.write(Path.of("target/dashboard.png"), browser.driver.getScreenshotAs(OutputType.BYTES));

        afterRefresh(loads(), () -> new Select(browser.driver.findElement(By.id("district"))).selectByValue("310101"));
        assertThat(leagueKeys()).containsExactlyInAnyOrder("310101002", "310101013");
        assertThat(kpi("received")).isEqualTo("4");
        assertThat(kpi("overdueNow")).isEqualTo("2");
        assertThat(figure("310101002", "contactedOnTimeRate")).isEqualTo("33.3%");
        assertThat(browser.driver
                        .findElements(By.cssSelector("#overdue tbody tr"))
                        .get(0)
                        .getAttribute("data-ticket"))
                .isEqualTo("SLA-K7");
        assertThat(browser.driver.getCurrentUrl()).contains("district=310101");
        // The download asks for Chinese labels with units, whatever the page's language.
        assertThat(browser.find("#csv").getAttribute("href")).contains("format=csv", "lang=zh", "district=310101");
    }

    @Test
    void theLeagueSortsByOnTimeRateWithTownsWithoutFiguresLast() {
        open(PERIOD);
        // Resolved on time: 外滩 66.7, 天平路 60.0, 南京东路 33.3; the desks and 湖南路 have none.
        assertThat(leagueKeys()).containsExactly("310101013", "310104003", "310101002", "310104", "310104004", "city");
        browser.driver
                .findElement(By.cssSelector("#league th[data-sort='resolvedOnTimeRate']"))
                .click();
        assertThat(leagueKeys())
                .startsWith("310101002", "310104003", "310101013")
                .endsWith("city");
        browser.driver
                .findElement(By.cssSelector("#league th[data-sort='signedOnTimeRate']"))
                .click();
        // Signed on time, highest first: 湖南路 100, 外滩 100, 天平路 75, 南京东路 66.7.
        assertThat(leagueKeys()).startsWith("310101013", "310104004", "310104003", "310101002");
    }

    @Test
    void districtsLanguageAndWallMode() {
        open(PERIOD + "&level=district&wall=1&lang=en");
        assertThat(leagueKeys()).containsExactly("310104", "310101", "city"); // 60.0, 50.0, none
        assertThat(figure("310104", "name")).isEqualTo("徐汇区");
        assertThat(figure("city", "name")).isEqualTo("City desk");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("12345 hotline SLA dashboard");
        assertThat(browser.find("#csv").getAttribute("href")).contains("format=csv", "lang=zh");
        assertThat(browser.driver.findElement(By.tagName("body")).getAttribute("class"))
                .contains("wall");
        afterRefresh(loads(), () -> browser.driver.findElement(By.id("lang")).click());
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("12345 热线 SLA 看板");
        // The wall's league has the on-time columns only, in large type.
        assertThat(browser.driver
                        .findElement(By.cssSelector("#league th[data-sort='resolvedOnTimeRate']"))
                        .getText())
                .startsWith("按时办结率");
        assertThat(browser.findAll("#league th[data-sort='satisfactionRate']")).isEmpty();
    }

    @Test
    void theChartLibraryIsServedFromTheJar() {
        assertThat(gateway().get("/webjars/echarts/5.3.1/dist/echarts.min.js").status())
                .isEqualTo(200);
        assertThat(new File("src/main/resources/static/dashboard/index.html"))
                .content()
                .doesNotContain("//cdn", "https://");
    }
}
