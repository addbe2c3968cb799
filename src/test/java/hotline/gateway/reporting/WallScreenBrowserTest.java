package hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;

/**
 * The wall screen (?wall=1) in a 1920x1080 Chromium whose own time zone is New York's: it fits the screen without
 * scrolling, with the league and the overdue list side by side and the district map beside the league; desks are
 * marked apart from towns; the overdue list shows priority and minutes past due; times are Shanghai's in the
 * locale's format; an empty period says so; Chinese text is drawn with a CJK font, not as boxes.
 */
class WallScreenBrowserTest extends ReportFixtureEndToEndTest {

    /** 11:05 in Shanghai on 12 March 2025: K7's contact was due at 09:00 (125 minutes ago), K5's desk at 03-10 11:00. */
    private static final Instant NOW = Instant.parse("2025-03-12T03:05:00Z");

    private static DashboardBrowser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new DashboardBrowser(1920, 1080, "America/New_York").viewport(1920, 1080);
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

    @SuppressWarnings("unchecked")
    private static Map<String, Number> box(String css) {
        return (Map<String, Number>) browser.script(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                        + " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width};",
                css);
    }

    private static void assertInsideTheScreen(String css, double minWidth) {
        Map<String, Number> box = box(css);
        assertThat(box.get("left").doubleValue()).as(css + " left").isGreaterThanOrEqualTo(0);
        assertThat(box.get("top").doubleValue()).as(css + " top").isGreaterThanOrEqualTo(0);
        assertThat(box.get("right").doubleValue()).as(css + " right").isLessThanOrEqualTo(1920);
        assertThat(box.get("bottom").doubleValue()).as(css + " bottom").isLessThanOrEqualTo(1080);
        assertThat(box.get("width").doubleValue()).as(css + " width").isGreaterThan(minWidth);
    }

    /** The element lies inside its panel's box: not cut off by the panel's edge, so a room can read it. */
    private static void assertShownWithin(String css, String panel) {
        Map<String, Number> inner = box(css);
        Map<String, Number> outer = box(panel);
        assertThat(inner.get("left").doubleValue())
                .as(css)
                .isGreaterThanOrEqualTo(outer.get("left").doubleValue());
        assertThat(inner.get("right").doubleValue())
                .as(css)
                .isLessThanOrEqualTo(outer.get("right").doubleValue());
        assertThat(inner.get("bottom").doubleValue())
                .as(css)
                .isLessThanOrEqualTo(outer.get("bottom").doubleValue());
    }

    private static void assertNoScrolling() {
        assertThat(browser.script("return [window.innerWidth, window.innerHeight]"))
                .isEqualTo(List.of(1920L, 1080L));
        assertThat((Long) browser.script("return document.documentElement.scrollHeight"))
                .isLessThanOrEqualTo(1080);
        assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(1920);
    }

    private static String overdue(String ticket, String column) {
        return browser.find("#overdue tr[data-ticket='" + ticket + "'] td[data-col='" + column + "']")
                .getText();
    }

    @Test
    void theWallFitsAFullHdScreenWithTheLeagueAndTheOverdueListSideBySide() throws IOException {
        CLOCK.set(NOW);
        browser.open(port, PERIOD + "&wall=1&lang=zh");
        assertNoScrolling();
        assertInsideTheScreen(".league", 550);
        assertInsideTheScreen(".overdue", 750);
        assertInsideTheScreen(".district-map", 300);
        Map<String, Number> league = box(".league");
        Map<String, Number> overdue = box(".overdue");
        Map<String, Number> map = box(".district-map");
        assertThat(league.get("right").doubleValue())
                .isLessThanOrEqualTo(overdue.get("left").doubleValue());
        assertThat(map.get("right").doubleValue())
                .isLessThanOrEqualTo(league.get("left").doubleValue());
        assertThat(league.get("top")).isEqualTo(overdue.get("top"));
        // Large type: a room reads it from a few metres.
        assertThat(Double.parseDouble(((String) browser.script(
                                "return getComputedStyle(document.querySelector('#league td')).fontSize"))
                        .replace("px", "")))
                .isGreaterThanOrEqualTo(20);
        Files.write(Path.of("target/dashboard-wall.png"), browser.driver.getScreenshotAs(OutputType.BYTES));

        // Desks are marked apart from towns.
        assertThat(browser.find("#league tr[data-key='310104']").getAttribute("class"))
                .contains("desk");
        assertThat(browser.find("#league tr[data-key='310104'] .desk-badge").getText())
                .isEqualTo("区派单台");
        assertThat(browser.find("#league tr[data-key='city'] .desk-badge").getText())
                .isEqualTo("市派单台");
        assertThat(browser.find("#league tr[data-key='310104003']").getAttribute("class"))
                .doesNotContain("desk");
        assertThat(browser.findAll("#league tr[data-key='310104003'] .desk-badge"))
                .isEmpty();

        // Priority and minutes past due; the deadline in Shanghai time (09:00 there, 21:00 the day before in New York).
        assertShownWithin("#overdue tr[data-ticket='SLA-K7'] td[data-col='minutesOverdue']", ".overdue");
        assertShownWithin("#overdue tr[data-ticket='SLA-K7'] td[data-col='priority']", ".overdue");
        assertShownWithin("#overdue tr[data-ticket='SLA-K7'] td[data-col='deadline']", ".overdue");
        assertShownWithin("#league tr[data-key='city'] td:last-child", ".league");
        // Ticket numbers (20261202-0000001), priorities and minutes are never cut short with an ellipsis.
        assertThat(browser.script("return [...document.querySelectorAll('#overdue td[data-col=ticketNo],"
                        + " #overdue td[data-col=priority], #overdue td[data-col=minutesOverdue]')]"
                        + ".filter(td => td.scrollWidth > td.clientWidth).map(td => td.textContent)"))
                .isEqualTo(List.of());
        assertThat(overdue("SLA-K7", "priority")).isEqualTo("一般");
        assertThat(overdue("SLA-K7", "minutesOverdue")).isEqualTo("125");
        assertThat(overdue("SLA-K7", "deadline")).isEqualTo("2025/3/12 09:00");
        assertThat(overdue("SLA-K5", "minutesOverdue")).isEqualTo("2,885");
        assertThat(browser.find("#overdue th[data-col='minutesOverdue']").getText())
                .isEqualTo("超时(分钟)");
        assertThat(browser.find("#period").getText()).isEqualTo("2025年3月1日 – 2025年3月31日");
        assertThat(browser.find("#generated").getText()).isEqualTo("生成于 2025/3/12 11:05");

        browser.afterRefresh(() -> browser.find("#lang").click());
        assertNoScrolling();
        assertShownWithin("#overdue tr[data-ticket='SLA-K7'] td[data-col='deadline']", ".overdue");
        assertThat(overdue("SLA-K7", "priority")).isEqualTo("Normal");
        assertThat(overdue("SLA-K7", "deadline")).isEqualTo("3/12/25, 9:00 AM");
        assertThat(overdue("SLA-K5", "minutesOverdue")).isEqualTo("2,885");
        assertThat(browser.find("#league tr[data-key='310104'] .desk-badge").getText())
                .isEqualTo("district desk");
        assertThat(browser.find("#period").getText()).isEqualTo("Mar 1, 2025 – Mar 31, 2025");
    }

    @Test
    void anEmptyPeriodSaysSo() {
        browser.open(port, "from=2019-01-01&to=2019-01-31&wall=1&lang=zh");
        assertNoScrolling();
        assertThat(browser.find("#empty-period").isDisplayed()).isTrue();
        assertThat(browser.find("#empty-period").getText()).startsWith("本期无工单");
        assertThat(browser.find("#league tbody td.none").getText()).isEqualTo("本期无数据");
        assertThat(browser.find(".kpi[data-kpi='received'] .value").getText()).isEqualTo("0");

        browser.open(port, PERIOD + "&wall=1&lang=zh");
        assertThat(browser.find("#empty-period").isDisplayed()).isFalse();
    }

    @Test
    void chineseTextIsDrawnWithACjkFontNotAsBoxes() {
        browser.open(port, PERIOD + "&wall=1&lang=zh");
        // Two different characters in the page's own font: without a CJK font both are the same empty box.
        String glyphs = (String) browser.script("""
                const font = getComputedStyle(document.querySelector('h1')).fontFamily;
                const draw = (character) => {
                  const canvas = document.createElement('canvas');
                  canvas.width = 64; canvas.height = 64;
                  const context = canvas.getContext('2d');
                  context.font = '48px ' + font;
                  context.fillText(character, 4, 52);
                  const pixels = context.getImageData(0, 0, 64, 64).data;
                  let inked = 0;
                  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) inked++;
                  return { inked: inked, data: canvas.toDataURL() };
                };
                const sign = draw('签'), collect = draw('收'), box = draw('\\u{10FFFD}');
                return [sign.inked > 0, sign.data !== collect.data, sign.data !== box.data,
                  collect.data !== box.data].join();
                """);
        assertThat(glyphs).isEqualTo("true,true,true,true");
    }

    @Test
    void theDistrictMapShowsSixteenDistrictsColouredByTheirRate() {
        browser.open(port, PERIOD + "&wall=1&lang=zh");
        assertThat(gateway().get("/dashboard/vendor/shanghai-districts.json").status())
                .isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) browser.script("""
                const chart = echarts.getInstanceByDom(document.getElementById('district-map'));
                const series = chart.getModel().getSeriesByIndex(0);
                const data = series.getData();
                const fill = (name) => data.getItemVisual(data.indexOfName(name), 'style').fill;
                const item = (name) => chart.getOption().series[0].data.find((d) => d.name === name);
                return {
                  regions: series.coordinateSystem.regions.length,
                  items: data.count(),
                  xuhui: item('徐汇区').code + ' ' + item('徐汇区').value,
                  huangpu: item('黄浦区').code + ' ' + item('黄浦区').value,
                  chongming: String(item('崇明区').value),
                  xuhuiFill: String(fill('徐汇区')), huangpuFill: String(fill('黄浦区')),
                  chongmingFill: String(fill('崇明区')),
                  onScreen: chart.containPixel({seriesIndex: 0}, chart.convertToPixel({seriesIndex: 0}, '徐汇区'))
                };
                """);
        assertThat(map.get("regions")).isEqualTo(16L);
        assertThat(map.get("items")).isEqualTo(16L);
        // Resolved on time: 徐汇区 60.0, 黄浦区 50.0; 崇明区 had no tickets.
        assertThat(map.get("xuhui")).isEqualTo("310104 60");
        assertThat(map.get("huangpu")).isEqualTo("310101 50");
        assertThat(map.get("chongming")).isEqualTo("null");
        assertThat(map.get("xuhuiFill")).isNotEqualTo(map.get("huangpuFill")).isNotEqualTo(map.get("chongmingFill"));
        assertThat(map.get("onScreen")).isEqualTo(true);
    }
}
