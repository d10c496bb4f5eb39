package io.reach.support;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium per test class, driven by Debian's chromium-driver: register it with
 * {@code @RegisterExtension static final Chrome chrome = new Chrome();} in a {@link ReachTest} class.
 * It opens console paths on the test server at {@code http://localhost:<port>} (the address Reach
 * writes into its mails, so links from mails open in the same session), signs in and fills forms.
 * No browser or driver is ever downloaded: the binaries are Debian's (override with
 * {@code -Dreach.chromium=...} and {@code -Dreach.chromedriver=...}), and a missing one fails the
 * test with the command that installs it.
 */
public final class Chrome implements BeforeAllCallback, AfterAllCallback {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private @Nullable ChromeDriver driver;
    private String base = "";

    @Override
    public void beforeAll(ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context)
                .getEnvironment()
                .getRequiredProperty("local.server.port");
        base = "http://localhost:" + port;
        driver = start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("Chrome starts before all tests of the class that registers it");
        }
        return driver;
    }

    /** The console's address, e.g. {@code http://localhost:8080}. */
    public String base() {
        return base;
    }

    /** Opens a console path ({@code /app/...}) or any absolute URL, and waits until the page has loaded. */
    public WebDriver open(String pathOrUrl) {
        driver().get(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        return driver();
    }

    /** The page's path now, without the host. */
    public String path() {
        String url = driver().getCurrentUrl();
        return url == null ? "" : url.replaceFirst("^https?://[^/]+", "");
    }

    /** Types each value into the field with that id (clearing it first); picks a select's option by its text or value. */
    public Chrome fill(Map<String, String> fieldsById) {
        fieldsById.forEach((id, value) -> {
            WebElement field = find(By.id(id));
            if ("select".equals(field.getTagName())) {
                var select = new org.openqa.selenium.support.ui.Select(field);
                try {
                    select.selectByVisibleText(value);
                } catch (org.openqa.selenium.NoSuchElementException byValue) {
                    select.selectByValue(value);
                }
            } else {
                field.clear();
                field.sendKeys(value);
            }
        });
        return this;
    }

    /** Sets a field's value as a script would: for inputs like {@code datetime-local} whose typing depends on the locale. */
    public Chrome set(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver())
                .executeScript("arguments[0].value = arguments[1]", find(By.id(id)), value);
        return this;
    }

    /** Clicks the button (or submit input) with this text, then waits for the next page to load. */
    public Chrome press(String buttonText) {
        WebElement button = find(By.xpath("//button[normalize-space()=" + quoted(buttonText) + "]"
                + " | //input[@type='submit' and @value=" + quoted(buttonText) + "]"));
        WebElement page = find(By.tagName("html"));
        button.click();
        until(driver -> isStale(page));
        return this;
    }

    /** Follows the link with this text, then waits for the next page to load. */
    public Chrome follow(String linkText) {
        WebElement page = find(By.tagName("html"));
        find(By.linkText(linkText)).click();
        until(driver -> isStale(page));
        return this;
    }

    /** Signs in on the console's sign-in page and lands on the home page (or the second step when MFA is on). */
    public Chrome signIn(String email, String password) {
        open("/sign-in");
        return fill(Map.of("email", email, "password", password)).press("Sign in");
    }

    /**
     * Checks the page shown with axe-core (no serious or critical violation) and, when screenshots are
     * asked for, saves it as {@code docs/console/<screenshot>.png}.
     */
    public Chrome check(String screenshot) {
        Accessibility.assertNoSeriousViolations(driver());
        Screenshots.save(driver(), screenshot);
        return this;
    }

    /** The text of the page's main region. */
    public String mainText() {
        return find(By.id("main")).getText();
    }

    public WebElement find(By by) {
        return until(driver -> driver.findElement(by));
    }

    /**
     * Waits up to ten seconds for {@code condition} to give something other than null or false; an
     * element htmx swapped out while the condition read it is read again.
     */
    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver(), WAIT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /**
     * Whether the page holding the element was replaced. Mid-navigation chromedriver may answer "Node
     * with given id does not belong to the document" instead of a stale-element error; that is the
     * same news.
     */
    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException inspector) {
            String message = String.valueOf(inspector.getMessage());
            if (message.contains("does not belong to the document")) {
                return true;
            }
            throw inspector;
        }
    }

    private static String quoted(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    private static ChromeDriver start() {
        File browser = installed("reach.chromium", "/usr/bin/chromium");
        File chromedriver = installed("reach.chromedriver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--window-size=1280,900",
                        "--force-device-scale-factor=1",
                        "--lang=en-GB",
                        "--no-first-run",
                        "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().window().setSize(new Dimension(1280, 900));
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return chrome;
    }

    private static File installed(String property, String debianPath) {
        File file = new File(System.getProperty(property, debianPath));
        if (!file.canExecute()) {
            throw new IllegalStateException(file + " is missing: the console's browser tests drive Debian's chromium"
                    + " through chromium-driver. Install both as .ci/run does:"
                    + " apt-get install -y --no-install-recommends chromium chromium-driver"
                    + " (or point -D" + property + "= at another binary).");
        }
        return file;
    }
}
