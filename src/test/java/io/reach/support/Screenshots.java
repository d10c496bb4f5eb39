package io.reach.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * The console's screenshots in {@code docs/console/}, taken by the browser tests when asked with
 * {@code -Dreach.screenshots=true} (or {@code REACH_SCREENSHOTS=true}). Off by default: the pages show
 * each run's own e-mail addresses, dates and numbers, so shooting on every build would leave the
 * committed pictures changed in everyone's checkout after every {@code ./mvnw verify}.
 */
public final class Screenshots {

    private static final Path FOLDER = Path.of("docs", "console");

    private Screenshots() {}

    public static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("reach.screenshots", System.getenv("REACH_SCREENSHOTS")));
    }

    /** Saves what the browser shows as {@code docs/console/<name>.png}, when screenshots are enabled. */
    public static void save(WebDriver driver, String name) {
        if (!enabled()) {
            return;
        }
        try {
            Files.createDirectories(FOLDER);
            Files.write(FOLDER.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + name, e);
        }
    }
}
