package io.jobstats.graphql;

import io.jobstats.Browser;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.URL;
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

    @TestHTTPResource("/q/graphql-ui/")
    URL graphiql;

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1400, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static void shot(String name) throws IOException {
        browser.shot(name);
    }

    private static <T> T await(String step, org.openqa.selenium.support.ui.ExpectedCondition<T> condition) throws IOException {
        return browser.await(step, condition);
    }

    @Test
    void theDocsExplorerListsQueryFieldsWithTheirDescriptions() throws IOException {
        browser.driver.get(graphiql.toString());
        await("step1", ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Show Documentation Explorer']")))
                .click();
        // The explorer opens on the schema's root types once the introspection answered.
        WebElement query = await("step2", ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'graphiql-doc-explorer')]//a[normalize-space()='Query']")));
        shot("docs-root");
        query.click();
        await("step3", ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@class,'graphiql-doc-explorer')]//a[normalize-space()='categories']")));
        String docs = browser.driver.findElement(By.cssSelector(".graphiql-doc-explorer")).getText();
        shot("docs-query");
        for (String expected : List.of("categories", "market", "node", "Every category, in name order.",
                "A region by slug or name")) {
            assertTrue(docs.contains(expected), "the docs explorer shows '" + expected + "':\n" + docs);
        }
    }

    @Test
    void theEditorOffersFieldsAsYouType() throws IOException {
        browser.driver.get(graphiql.toString());
        WebElement editor = await("step4", ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".graphiql-query-editor .CodeMirror")));
        // Suggestions need the schema: the docs explorer shows its root types once GraphiQL has it.
        await("docs", ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Show Documentation Explorer']")))
                .click();
        await("schema", ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@class,'graphiql-doc-explorer')]//a[normalize-space()='Query']")));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].CodeMirror.setValue('');", editor);
        editor.click();
        // Typed key by key as a person types, then Ctrl-Space, GraphiQL's key for suggestions: Query's fields that
        // start so.
        new Actions(browser.driver).sendKeys("{ r").keyDown(Keys.CONTROL).sendKeys(Keys.SPACE).keyUp(Keys.CONTROL).perform();
        await("suggestions", ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".CodeMirror-hints .CodeMirror-hint")));
        shot("suggestions");
        String offered = browser.driver.findElement(By.cssSelector(".CodeMirror-hints")).getText();
        for (String field : List.of("region", "regions", "role")) {
            assertTrue(offered.contains(field), "suggestions offered: " + offered);
        }
        // With a prefix that only one field has, the suggestion is taken at once: "cat" becomes "categories".
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].CodeMirror.setValue('');", editor);
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).sendKeys("{ cat").keyDown(Keys.CONTROL).sendKeys(Keys.SPACE)
                .keyUp(Keys.CONTROL).perform();
        Object text = await("completed", d -> {
            Object value = ((JavascriptExecutor) d).executeScript("return arguments[0].CodeMirror.getValue();", editor);
            return String.valueOf(value).contains("categories") ? value : null;
        });
        shot("completed");
        assertTrue(String.valueOf(text).startsWith("{ categories"), String.valueOf(text));
    }
}
