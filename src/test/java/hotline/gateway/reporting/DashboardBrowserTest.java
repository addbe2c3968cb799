package hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.support.LocalClients;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them): it
 * loads without console errors, shows the fixture's figures, and its district filter, sorting and language work.
 */
class DashboardBrowserTest extends ReportFixtureEndToEndTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static Path profile;
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        assertThat(CHROMIUM).as("Debian package chromium (see .ci/run)").exists();
        assertThat(CHROMEDRIVER)
                .as("Debian package chromium-driver (see .ci/run)")
                .exists();
        profile = Files.createTempDirectory("dashboard-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // This machine's network refuses anything but loopback: no background connections, a fresh profile.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1600,1000",
                "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        // The dashboard and its data are a manager's: the browser answers the HTTP Basic challenge with the local
        // manager's client id and key (through the DevTools protocol, for the page and its requests alike).
        browser.register(UsernameAndPassword.of(LocalClients.MANAGER, LocalClients.MANAGER_KEY));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        FileSystemUtils.deleteRecursively(profile.toFile());
    }

    @AfterEach
    void noConsoleErrors() {
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(severe).as("console errors").isEmpty();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** Opens the page and waits for its first complete load of figures. */
    private void open(String query) {
        browser.get("http://127.0.0.1:" + port + "/dashboard?" + query);
        waiting()
                .until(ExpectedConditions.attributeToBeNotEmpty(
                        browser.findElement(By.tagName("body")), "data-loaded"));
    }

    private String loads() {
        return browser.findElement(By.tagName("body")).getAttribute("data-loaded");
    }

    /** Waits for the refresh that a change started to finish. */
    private void afterRefresh(String before, Runnable change) {
        change.run();
        waiting().until(driver -> !before.equals(loads()));
    }

    private String figure(String key, String column) {
        return browser.findElement(By.cssSelector("#league tr[data-key='" + key + "'] td[data-col='" + column + "']"))
                .getText();
    }

    private String kpi(String key) {
        return browser.findElement(By.cssSelector(".kpi[data-kpi='" + key + "'] .value"))
                .getText();
    }

    private List<String> leagueKeys() {
        return browser.findElements(By.cssSelector("#league tbody tr")).stream()
                .map(row -> row.getAttribute("data-key"))
                .toList();
    }

    @Test
    void showsTheFixturesFiguresAndTheDistrictFilterChangesThem() throws IOException {
        open(PERIOD);
        assertThat(browser.getCurrentUrl()).contains("/dashboard/?");
        assertThat(figure("310104003", "name")).isEqualTo("天平路街道");
        assertThat(figure("310104003", "signedOnTimeRate")).isEqualTo("75.0%");
        assertThat(figure("310104003", "resolvedOnTimeRate")).isEqualTo("60.0%");
        assertThat(figure("310104004", "resolvedOnTimeRate")).isEqualTo("—");
        assertThat(kpi("received")).isEqualTo("10");
        assertThat(kpi("satisfactionRate")).isEqualTo("71.4%");
        assertThat(browser.findElements(By.cssSelector("#daily-chart canvas"))).isNotEmpty();
        List<WebElement> overdue = browser.findElements(By.cssSelector("#overdue tbody tr"));
        assertThat(overdue.get(0).getAttribute("data-ticket")).isEqualTo("SLA-K5");
        Files.write(Path.of("target/dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));

        afterRefresh(loads(), () -> new Select(browser.findElement(By.id("district"))).selectByValue("310101"));
        assertThat(leagueKeys()).containsExactlyInAnyOrder("310101002", "310101013");
        assertThat(kpi("received")).isEqualTo("4");
        assertThat(kpi("overdueNow")).isEqualTo("2");
        assertThat(figure("310101002", "contactedOnTimeRate")).isEqualTo("33.3%");
        assertThat(browser.findElements(By.cssSelector("#overdue tbody tr"))
                        .get(0)
                        .getAttribute("data-ticket"))
                .isEqualTo("SLA-K7");
        assertThat(browser.getCurrentUrl()).contains("district=310101");
    }

    @Test
    void theLeagueSortsByOnTimeRateWithTownsWithoutFiguresLast() {
        open(PERIOD);
        // Resolved on time: 外滩 66.7, 天平路 60.0, 南京东路 33.3; the desks and 湖南路 have none.
        assertThat(leagueKeys()).containsExactly("310101013", "310104003", "310101002", "310104", "310104004", "city");
        browser.findElement(By.cssSelector("#league th[data-sort='resolvedOnTimeRate']"))
                .click();
        assertThat(leagueKeys())
                .startsWith("310101002", "310104003", "310101013")
                .endsWith("city");
        browser.findElement(By.cssSelector("#league th[data-sort='signedOnTimeRate']"))
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
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("12345 hotline SLA dashboard");
        assertThat(browser.findElement(By.tagName("body")).getAttribute("class"))
                .contains("wall");
        afterRefresh(loads(), () -> browser.findElement(By.id("lang")).click());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("12345 热线 SLA 看板");
        assertThat(browser.findElement(By.cssSelector("#league th[data-sort='satisfactionRate']"))
                        .getText())
                .startsWith("满意率");
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
