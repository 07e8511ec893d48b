package io.jobstats.graphql;

import io.jobstats.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GraphiQL as a person uses it, in headless Chromium: it loads the schema (the full introspection query, 15 levels
 * deep, passes the depth limit), its documentation explorer lists Query's fields with their descriptions, and the
 * editor's autocompletion offers a field. The browser and its driver are Debian's (.ci/run installs them); nothing
 * is downloaded. A screenshot of each step goes to target/browser/.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class GraphiQLBrowserTest {

    private static final Path SHOTS = Path.of("target", "browser");

    @TestHTTPResource("/q/graphql-ui/")
    URL graphiql;

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        File driver = new File(System.getProperty("jobstats.chromedriver", "/usr/bin/chromedriver"));
        File chromium = new File(System.getProperty("jobstats.chromium", "/usr/bin/chromium"));
        assertTrue(driver.canExecute() && chromium.canExecute(), "Chromium and its driver are needed: "
                + "apt-get install chromium chromium-driver (.ci/run does)");
        ChromeOptions options = new ChromeOptions().setBinary(chromium)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).build(), options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Waits up to 30 s; on a time-out, the page as it was (screenshot and HTML) goes to target/browser/. */
    private static <T> T await(String step, org.openqa.selenium.support.ui.ExpectedCondition<T> condition) throws IOException {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            shot("failed-" + step);
            Files.writeString(SHOTS.resolve("failed-" + step + ".html"), browser.getPageSource());
            throw e;
        }
    }

    @Test
    void theDocsExplorerListsQueryFieldsWithTheirDescriptions() throws IOException {
        browser.get(graphiql.toString());
        await("step1", ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Show Documentation Explorer']")))
                .click();
        // The explorer opens on the schema's root types once the introspection answered.
        WebElement query = await("step2", ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'graphiql-doc-explorer')]//a[normalize-space()='Query']")));
        shot("docs-root");
        query.click();
        await("step3", ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@class,'graphiql-doc-explorer')]//a[normalize-space()='categories']")));
        String docs = browser.findElement(By.cssSelector(".graphiql-doc-explorer")).getText();
        shot("docs-query");
        for (String expected : List.of("categories", "market", "node", "Every category, in name order.",
                "A region by slug or name")) {
            assertTrue(docs.contains(expected), "the docs explorer shows '" + expected + "':\n" + docs);
        }
    }

    @Test
    void theEditorOffersFieldsAsYouType() throws IOException {
        browser.get(graphiql.toString());
        WebElement editor = await("step4", ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".graphiql-query-editor .CodeMirror")));
        // Suggestions need the schema: the docs explorer shows its root types once GraphiQL has it.
        await("docs", ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Show Documentation Explorer']")))
                .click();
        await("schema", ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@class,'graphiql-doc-explorer')]//a[normalize-space()='Query']")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].CodeMirror.setValue('');", editor);
        editor.click();
        // Typed key by key as a person types, then Ctrl-Space, GraphiQL's key for suggestions: Query's fields that
        // start so.
        new Actions(browser).sendKeys("{ r").keyDown(Keys.CONTROL).sendKeys(Keys.SPACE).keyUp(Keys.CONTROL).perform();
        await("suggestions", ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".CodeMirror-hints .CodeMirror-hint")));
        shot("suggestions");
        String offered = browser.findElement(By.cssSelector(".CodeMirror-hints")).getText();
        for (String field : List.of("region", "regions", "role")) {
            assertTrue(offered.contains(field), "suggestions offered: " + offered);
        }
        // With a prefix that only one field has, the suggestion is taken at once: "cat" becomes "categories".
        ((JavascriptExecutor) browser).executeScript("arguments[0].CodeMirror.setValue('');", editor);
        new Actions(browser).sendKeys(Keys.ESCAPE).sendKeys("{ cat").keyDown(Keys.CONTROL).sendKeys(Keys.SPACE)
                .keyUp(Keys.CONTROL).perform();
        Object text = await("completed", d -> {
            Object value = ((JavascriptExecutor) d).executeScript("return arguments[0].CodeMirror.getValue();", editor);
            return String.valueOf(value).contains("categories") ? value : null;
        });
        shot("completed");
        assertTrue(String.valueOf(text).startsWith("{ categories"), String.valueOf(text));
    }
}
