package io.jobstats;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless Chromium for the browser tests: Debian's browser and driver (.ci/run installs them; nothing is
 * downloaded), screenshots of each step under target/browser/, and waits that keep the page when they time out.
 */
public final class Browser implements AutoCloseable {

    private static final Path SHOTS = Path.of("target", "browser");

    public final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    public static Browser start(int width, int height) {
        File driver = new File(System.getProperty("jobstats.chromedriver", "/usr/bin/chromedriver"));
        File chromium = new File(System.getProperty("jobstats.chromium", "/usr/bin/chromium"));
        assertTrue(driver.canExecute() && chromium.canExecute(), "Chromium and its driver are needed: "
                + "apt-get install chromium chromium-driver (.ci/run does)");
        ChromeOptions options = new ChromeOptions().setBinary(chromium)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=" + width + "," + height);
        return new Browser(new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).build(), options));
    }

    public void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Waits up to 30 s; on a time-out, the page as it was (screenshot and HTML) goes to target/browser/. */
    public <T> T await(String step, ExpectedCondition<T> condition) throws IOException {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            shot("failed-" + step);
            Files.writeString(SHOTS.resolve("failed-" + step + ".html"), driver.getPageSource());
            throw e;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
