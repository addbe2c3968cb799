package hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.support.LocalClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver; ./test installs them) showing the dashboard as
 * the local manager, in a window of a given size and a time zone of its own (so that a test sees whether the page
 * shows Shanghai time whatever the computer's zone).
 */
final class DashboardBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;
    final ChromeDriver driver;
    /** Whether the manager's credentials must travel in the page's address (see the constructor). */
    private final boolean credentialsInAddress;

    DashboardBrowser(int width, int height, String timeZone) {
        assertThat(CHROMIUM).as("Debian package chromium (see ./test)").exists();
        assertThat(CHROMEDRIVER)
                .as("Debian package chromium-driver (see ./test)")
                .exists();
        try {
            profile = Files.createTempDirectory("dashboard-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height,
                "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", timeZone))
                .build();
        driver = new ChromeDriver(service, options);
        // The dashboard and its data are a manager's: the browser answers the HTTP Basic challenge with the local
        // manager's client id and key (through the DevTools protocol, for the page and its requests alike).
        // Debian's chromium can be older than every DevTools version this Selenium carries: then the page's address
        // carries the credentials, and the browser answers the API's challenges of the same realm with them.
        boolean registered;
        try {
            driver.register(UsernameAndPassword.of(LocalClients.MANAGER, LocalClients.MANAGER_KEY));
            registered = true;
        } catch (org.openqa.selenium.devtools.DevToolsException e) {
            registered = false;
        }
        credentialsInAddress = !registered;
    }

    /** The page's viewport, exactly (a window's own bars would take some of its height), as on a kiosk screen. */
    DashboardBrowser viewport(int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return this;
    }

    @Override
    public void close() {
        driver.quit();
        FileSystemUtils.deleteRecursively(profile.toFile());
    }

    List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens the page and waits for its first complete load of figures. */
    void open(int port, String query) {
        String credentials = credentialsInAddress ? LocalClients.MANAGER + ":" + LocalClients.MANAGER_KEY + "@" : "";
        driver.get("http://" + credentials + "127.0.0.1:" + port + "/dashboard?" + query);
        waiting()
                .until(ExpectedConditions.attributeToBeNotEmpty(driver.findElement(By.tagName("body")), "data-loaded"));
    }

    String loads() {
        return driver.findElement(By.tagName("body")).getAttribute("data-loaded");
    }

    /** Waits for the refresh that a change started to finish. */
    void afterRefresh(Runnable change) {
        String before = loads();
        change.run();
        waiting().until(driver -> !before.equals(loads()));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }
}
