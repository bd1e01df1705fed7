package io.jixiao.acceptance;

import static io.jixiao.acceptance.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.local.infra.Fixtures;
import io.jixiao.local.infra.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web pages in a real browser (issue 15): Debian's Chromium, driven through its chromedriver, against the local
 * platform this module starts. People log in through Keycloak's own login page; every page visited is saved as a
 * screenshot under {@code target/screenshots/}.
 * <p>
 * The seed unit's year is taken through the whole review: its reporter explains every error finding (submission is
 * blocked until the last one), its approver submits, finance returns it with a comment the unit then sees, the
 * approver submits again, finance accepts and publishes, and an anonymous visitor finds it on {@code /public}.
 * Another unit's reporter is refused every page of this unit, and a session that has logged out can do nothing.
 * <p>
 * The class runs last ({@link Order}): it submits and publishes the seed's year, which other classes keep in draft.
 * Without Chromium (and its driver) the class is skipped, saying why.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf(value = "chromiumInstalled", disabledReason = "the browser tests need Debian's chromium and "
        + "chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): apt-get install chromium chromium-driver")
class WebIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final String UNIT = "XZ-WXB";
    private static final int YEAR = 2024;
    private static final String PAGE = "/units/" + UNIT + "/years/" + YEAR;
    private static final String API = "/api/reports/units/" + UNIT + "/years/" + YEAR;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final AtomicInteger SHOT = new AtomicInteger();

    private static String gateway;
    /** The pages' address: the loopback IP, whose every port the realm's web client may be redirected to. */
    private static String web;
    private static Tokens tokens;
    /** Two browsers, started once: a test that needs two people at once uses the second. */
    private static final List<ChromeDriver> BROWSERS = new ArrayList<>();
    private static WebDriver current;

    /** Selenium warns at every start that it has no DevTools bindings for this Chromium: none are used here. */
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM.setLevel(java.util.logging.Level.SEVERE);
    }

    @BeforeAll
    static void platform() throws IOException, InterruptedException {
        gateway = RunningPlatform.get().gatewayUrl();
        tokens = RunningPlatform.tokens();
        web = gateway.replace("//localhost:", "//127.0.0.1:");
        Fixtures.load(Fixtures.folder("xz-wxb-2024"), gateway, tokens, line -> { }, Contract::require);
        // a known start whatever earlier classes did: no finding of the year explained
        String reporter = tokens.user("reporter");
        for (JsonNode finding : JSON.readTree(send("GET", gateway + API + "/findings", reporter, null, null).body())) {
            if (!finding.path("explanation").isNull() && !finding.path("explanation").isMissingNode()) {
                assertEquals(200, send("DELETE", gateway + API + "/findings/" + finding.get("ruleId").asText()
                        + "/explanation", reporter, null, null).statusCode());
            }
        }
        Files.createDirectories(SCREENSHOTS);
    }

    /** Whether Debian's Chromium and its driver are here; says so on the console when they are not. */
    static boolean chromiumInstalled() {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
        if (!present) {
            System.err.println("WebIT skipped: the browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + DRIVER + "); install them with `apt-get install chromium chromium-driver`"
                    + " (.ci/run does)");
        }
        return present;
    }

    /** A failed test leaves the page it was on, as a picture and as HTML, beside the screenshots. */
    @RegisterExtension
    static final TestWatcher ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            WebDriver browser = current;
            if (browser == null) {
                return;
            }
            String name = "failed-" + context.getRequiredTestMethod().getName();
            shot(browser, name);
            try {
                Files.writeString(SCREENSHOTS.resolve(String.format("%02d-%s.html", SHOT.get(), name)),
                        browser.getCurrentUrl() + "\n" + browser.getPageSource());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.forEach(WebDriver::quit);
    }

    @Test
    @Order(1)
    void financeSeesTheSeedUnitInTheRankingAndTheChartAndOpensItsReport() {
        WebDriver browser = logIn("finance", "finance", "/finance");
        wait(browser).until(ExpectedConditions.urlContains("/finance"));
        WebElement ranking = wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("ranking-table")));
        assertTrue(ranking.getText().contains(UNIT), ranking.getText());
        // ECharts drew the grade distribution (as SVG) from the options the gateway wrote
        wait(browser).until(d -> d.findElements(By.cssSelector("#grade-chart svg text")).stream()
                .anyMatch(t -> t.getText().equals("待补充")));
        // the tile counts the units the ranking lists
        String units = browser.findElement(By.id("tile-units")).findElement(By.className("n")).getText();
        assertTrue(browser.findElement(By.id("ranking")).getText().contains("共 " + units + " 个单位"), units);
        assertEveryControlIsLabelled(browser);
        shot(browser, "finance-dashboard");
        // the session lives in HttpOnly, SameSite cookies, the CSRF token in an HttpOnly one: no script reads them
        for (org.openqa.selenium.Cookie cookie : browser.manage().getCookies()) {
            if (cookie.getName().startsWith("q_session") || cookie.getName().equals("jixiao-csrf")) {
                assertTrue(cookie.isHttpOnly(), cookie.getName() + " is HttpOnly");
            }
            if (cookie.getName().startsWith("q_session")) {
                assertEquals("Lax", cookie.getSameSite(), cookie.getName());
            }
        }
        assertTrue(browser.manage().getCookieNamed("q_session") != null, "a session cookie");
        Object scriptCookies = ((JavascriptExecutor) browser).executeScript("return document.cookie;");
        assertEquals("", scriptCookies, "scripts see no cookie");

        // the ranking filters in place (htmx): only graded evaluations, so not the seed's (待补充)
        String url = browser.getCurrentUrl();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("f-completeness")))
                .selectByValue("COMPLETE");
        browser.findElement(By.cssSelector("#ranking-filters button")).click();
        wait(browser).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("ranking-table")).getText().contains(UNIT));
        assertEquals(url, browser.getCurrentUrl(), "the page stayed; only the ranking was replaced");
        shot(browser, "finance-ranking-filtered");

        // one indicator across the units (the first the framework lists): its spread drawn, each unit's place
        browser.findElement(By.cssSelector("#indicator-compare button")).click();
        wait(browser).until(d -> !d.findElements(By.cssSelector("#indicator-chart svg text")).isEmpty());
        assertFalse(browser.findElements(By.cssSelector("#indicator-table tbody a")).isEmpty(), "units listed");
        shot(browser, "finance-indicator");

        browser.get(web + "/finance");
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.linkText(unitName(browser)))).click();
        wait(browser).until(ExpectedConditions.urlContains(PAGE));
        WebElement preview = browser.findElement(By.id("report-preview"));
        // the preview loads when it comes into view
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", preview);
        browser.switchTo().frame(preview);
        wait(browser).until(d -> d.findElement(By.tagName("body")).getText().contains("整体支出绩效自评报告"));
        browser.switchTo().defaultContent();
        assertTrue(browser.findElement(By.id("score-table")).getText().contains("预算完成率"));
        assertEveryControlIsLabelled(browser);
        shot(browser, "finance-unit-page");

        // at a phone's width nothing runs off the page (wide tables scroll inside their own box)
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("score-table")));
        long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Object widest = ((JavascriptExecutor) browser).executeScript("var w = document.documentElement.clientWidth;"
                + " return Array.from(document.querySelectorAll('body *')).filter(function (e) {"
                + " var r = e.getBoundingClientRect(); return r.right > w + 1 && r.width > 0"
                + " && !e.closest('.scroll'); }).slice(0, 5).map(function (e) {"
                + " return e.tagName + '#' + e.id + '.' + e.className; }).join(', ');");
        assertTrue(overflow <= 1, "the page is wider than a phone's screen by " + overflow + " px: " + widest);
        shot(browser, "finance-unit-page-phone");
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    @Test
    @Order(2)
    void theReporterExplainsEachErrorFindingAndSubmissionIsBlockedUntilTheLast() {
        WebDriver browser = logIn("reporter", "reporter", "/");
        wait(browser).until(ExpectedConditions.urlContains(PAGE));
        assertTrue(browser.findElement(By.id("submit-blocked")).isDisplayed());
        assertFalse(browser.findElement(By.id("submit")).isEnabled(), "submission is blocked");
        shot(browser, "reporter-blocked");

        List<String> errors = new ArrayList<>();
        for (WebElement finding : browser.findElements(By.cssSelector("li.finding.ERROR"))) {
            errors.add(finding.getAttribute("id").substring("finding-".length()));
        }
        assertFalse(errors.isEmpty(), "the seed's year has error findings");
        for (String ruleId : errors) {
            WebElement box = browser.findElement(By.id("explain-" + ruleId));
            box.sendKeys("经核对，" + ruleId + " 所涉数字与决算报表一致，差异系口径不同所致。");
            box.findElement(By.xpath("./ancestor::form")).submit();
            WebElement done = wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertEquals("情况说明已保存。", done.getText());
            assertTrue(browser.findElement(By.id("finding-" + ruleId)).getText().contains("情况说明：经核对"));
        }
        shot(browser, "reporter-explained");
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("submit-ready")));
        assertTrue(browser.findElement(By.id("submit")).isEnabled(), "submission is allowed");
        assertTrue(browser.findElements(By.id("submit-blocked")).isEmpty());
    }

    @Test
    @Order(3)
    void theApproverSubmits() {
        WebDriver browser = logIn("approver", "approver", PAGE);
        submit(browser);
        shot(browser, "approver-submitted");
    }

    @Test
    @Order(4)
    void financeReturnsItWithACommentTheUnitSeesItFinanceAcceptsAndPublishes() {
        WebDriver finance = logIn("finance", "finance", "/finance");
        WebElement queue = wait(finance).until(ExpectedConditions.presenceOfElementLocated(By.id("review-queue")));
        assertTrue(queue.getText().contains(UNIT), queue.getText());
        shot(finance, "finance-review-queue");
        queue.findElement(By.cssSelector("a[href='" + PAGE + "#review']")).click();
        wait(finance).until(ExpectedConditions.presenceOfElementLocated(By.id("return-comment")))
                .sendKeys("请补充项目支出预算数");
        finance.findElement(By.id("return")).click();
        assertEquals("报告已退回单位。", wait(finance).until(ExpectedConditions.presenceOfElementLocated(By.id("done")))
                .getText());
        shot(finance, "finance-returned");

        WebDriver unit = logIn(1, "reporter", "reporter", PAGE);
        assertEquals("请补充项目支出预算数", unit.findElement(By.id("review-comment")).getText());
        assertEquals("已退回", unit.findElement(By.id("report-status")).getText());
        shot(unit, "reporter-sees-comment");
        submit(unit);

        finance.get(web + PAGE);
        wait(finance).until(ExpectedConditions.elementToBeClickable(By.id("accept"))).click();
        assertEquals("报告已审核通过。", wait(finance).until(ExpectedConditions.presenceOfElementLocated(By.id("done")))
                .getText());
        WebElement date = finance.findElement(By.id("approval-date"));
        ((JavascriptExecutor) finance).executeScript("arguments[0].value = '2025-06-30';", date);
        finance.findElement(By.id("publish")).click();
        assertEquals("报告已公开。", wait(finance).until(ExpectedConditions.presenceOfElementLocated(By.id("done")))
                .getText());
        assertEquals("已公开", finance.findElement(By.id("report-status")).getText());
        shot(finance, "finance-published");
    }

    @Test
    @Order(5)
    void anAnonymousVisitorFindsItOnThePublicPage() {
        WebDriver browser = browser(0);
        browser.get(web + "/public");
        WebElement list = wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("published")));
        assertTrue(list.getText().contains(UNIT), list.getText());
        assertTrue(browser.findElements(By.id("logout")).isEmpty(), "nobody is logged in");
        shot(browser, "public");
        String html = list.findElement(By.linkText("网页")).getAttribute("href");
        browser.get(html);
        wait(browser).until(d -> d.findElement(By.tagName("body")).getText().contains("整体支出绩效自评报告"));
        shot(browser, "public-report");
    }

    @Test
    @Order(6)
    void aReporterOfAnotherUnitIsRefusedEveryPageOfThisUnit() {
        WebDriver browser = logIn("reporter-tjj", "reporter-tjj", "/");
        for (String path : List.of(PAGE, PAGE + "/report?format=html", PAGE + "/report?format=pdf",
                PAGE + "/workbook", "/finance", "/finance/ranking?year=" + YEAR)) {
            browser.get(web + path);
            WebElement heading = wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            assertEquals("无权访问", heading.getText(), path);
            shot(browser, "other-unit-refused");
        }
    }

    @Test
    @Order(7)
    void aLoggedOutSessionCanDoNothing() throws IOException, InterruptedException {
        WebDriver browser = logIn("clerk", "clerk", PAGE);
        WebElement form = browser.findElement(By.cssSelector("form.explain"));
        String action = form.getAttribute("action");
        String csrf = form.findElement(By.name("csrf-token")).getAttribute("value");
        String before = send("GET", gateway + API + "/findings", tokens.user("finance"), null, null).body();

        browser.findElement(By.id("logout")).click();
        wait(browser).until(ExpectedConditions.urlContains("/public"));
        assertTrue(browser.findElements(By.id("logout")).isEmpty(), "logged out");
        shot(browser, "logged-out");

        // the pages send it to Keycloak's login (the Keycloak session ended too: no silent login)
        for (String path : List.of(PAGE, "/finance", "/")) {
            browser.get(web + path);
            wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        }
        shot(browser, "logged-out-login-again");
        // and the form it had open, posted now, changes nothing
        browser.get(web + "/public");
        ((JavascriptExecutor) browser).executeScript("var f = document.createElement('form'); f.method = 'post';"
                + " f.action = arguments[0]; [['csrf-token', arguments[1]], ['explanation', '登出后提交']].forEach("
                + "function (p) { var i = document.createElement('input'); i.name = p[0]; i.value = p[1];"
                + " f.appendChild(i); }); document.body.appendChild(f); f.submit();", action, csrf);
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        assertEquals(JSON.readTree(before), JSON.readTree(send("GET", gateway + API + "/findings",
                tokens.user("finance"), null, null).body()));
    }

    private static void submit(WebDriver browser) {
        wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("submit"))).click();
        assertEquals("报告已报送。", wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("done")))
                .getText());
        assertEquals("已报送", browser.findElement(By.id("report-status")).getText());
    }

    /** The first browser, without cookies, logged in through Keycloak's page, on {@code path}. */
    private static WebDriver logIn(String username, String password, String path) {
        return logIn(0, username, password, path);
    }

    private static WebDriver logIn(int which, String username, String password, String path) {
        WebDriver browser = browser(which);
        browser.get(web + path);
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        shot(browser, "keycloak-login");
        browser.findElement(By.id("kc-login")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        return browser;
    }

    /** Browser {@code which}, started if need be, with no cookie of any site (so no session here nor at Keycloak). */
    private static WebDriver browser(int which) {
        while (BROWSERS.size() <= which) {
            BROWSERS.add(start());
        }
        ChromeDriver browser = BROWSERS.get(which);
        browser.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        browser.manage().window().setSize(new Dimension(1366, 768));
        current = browser;
        return browser;
    }

    private static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=zh-CN",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }

    private static String unitName(WebDriver browser) {
        return browser.findElement(By.cssSelector("#ranking-table a[href='" + PAGE + "']")).getText();
    }

    /** Every visible form control has a label (or an accessible name of its own). */
    private static void assertEveryControlIsLabelled(WebDriver browser) {
        Object unlabelled = ((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll("
                + "'input:not([type=hidden]), select, textarea')).filter(function (c) { return c.labels.length === 0"
                + " && !c.getAttribute('aria-label'); }).map(function (c) { return c.id || c.name; }).join(', ');");
        assertEquals("", unlabelled, "form controls without a label");
    }

    private static void shot(WebDriver browser, String name) {
        Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", SHOT.incrementAndGet(), name));
        try {
            Files.copy(((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
