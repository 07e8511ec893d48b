package io.jobstats.web;

import io.jobstats.Browser;
import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestAds;
import io.jobstats.TestTokens;
import io.jobstats.demo.DemoAdGenerator;
import io.jobstats.market.ReferencePageTest;
import io.jobstats.reference.ReferenceData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web client in headless Chromium over the reference scenario (its six ads, and generated ads around them so the
 * charts and tables have something to show): the term page's figures equal the GraphQL answer, each chart drew its
 * points, a location's link opens the child region's page, the index sorts by a column, and a phone-width page does
 * not overflow. Screenshots of each page go to target/browser/.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class WebClientBrowserTest {

    static final String SCOPE = "region: \"midlands\", period: {end: \"2025-05-02\", months: 6}";
    static final String PAGE = "/terms/junior-backend-developer?region=midlands&end=2025-05-02";

    @TestHTTPResource("/")
    URL root;

    @Inject
    ReferenceData reference;

    private static Browser browser;
    private static boolean loaded;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 1000);
    }

    @AfterAll
    static void stopAndRemoveOwnAds() {
        if (browser != null) {
            browser.close();
        }
        TestAds.remove("web-client%");
    }

    /** Not @BeforeAll: that runs before the application, and so RestAssured's port, are set up. */
    @BeforeEach
    void load() throws IOException {
        if (loaded) {
            return;
        }
        loaded = true;
        StringWriter generated = new StringWriter();
        new DemoAdGenerator(reference.taxonomy(), 3, DemoAdGenerator.RESERVED_ROLES)
                .write(generated, 6_000, LocalDate.of(2022, 6, 1), LocalDate.of(2025, 5, 2), 200);
        String ads = ReferencePageTest.referenceAds().replace("\"source\":\"jobstats-reference\"", "\"source\":\"web-client\"")
                + generated.toString().replace("\"source\":\"demo\"", "\"source\":\"web-client-generated\"");
        TestTokens.asLoader().contentType("application/x-ndjson").body(ads.getBytes(StandardCharsets.UTF_8)).post("/ads")
                .then().statusCode(200);
    }

    static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    static Response graphql(String query) {
        Response r = given().config(DOUBLES).contentType("application/json").body(Map.of("query", query)).post("/graphql");
        r.then().statusCode(200);
        assertNull(r.path("errors"), r.asString());
        return r;
    }

    private void open(String path) throws IOException {
        browser.driver.get(root.toString().replaceAll("/$", "") + path);
        browser.await("load", d -> ((JavascriptExecutor) d).executeScript("return document.body.dataset.loaded;"));
        assertEquals("true", browser.driver.findElement(By.tagName("body")).getAttribute("data-loaded"),
                "the page reported an error: " + browser.driver.findElement(By.id("main")).getText());
    }

    /** The raw values of a figure's row in a three-year table, "" for null. */
    private static List<String> row(String table, String figure) {
        return browser.driver.findElements(By.cssSelector("#" + table + " tr[data-figure='" + figure + "'] td")).stream()
                .map(td -> td.getAttribute("data-value")).toList();
    }

    private static void assertShown(Object expected, String shown, String what) {
        if (expected == null) {
            assertEquals("", shown, what);
        } else {
            assertEquals(((Number) expected).doubleValue(), Double.parseDouble(shown), 1e-9, what);
        }
    }

    @Test
    void theTermPageShowsTheGraphQLAnswer() throws IOException {
        open(PAGE);
        browser.shot("term-page");
        String years = "rank rankChange vacancies shareOfAllVacancies shareOfCategory salariesQuoted "
                + "salary { p10 p25 median p75 p90 } medianChange nationMedian nationMedianChange";
        Response r = graphql("{ term(name: \"junior-backend-developer\") { market(" + SCOPE + ") { " + years
                + " y1: previous(years: 1) { " + years + " } y2: previous(years: 2) { " + years + " } "
                + "salary { histogram { count } } vacancyTrend { allVacancies } salaryTrend { median } "
                + "locations { region { slug } } coOccurringSkills(first: 30) { term { name } } } } }");
        String[] prefixes = {"data.term.market.", "data.term.market.y1.", "data.term.market.y2."};
        for (String figure : List.of("rank", "rankChange", "vacancies", "shareOfAllVacancies", "shareOfCategory", "salariesQuoted",
                "p10", "p25", "median", "p75", "p90", "medianChange", "nationMedian", "nationMedianChange")) {
            List<String> shown = row("summary", figure);
            assertEquals(3, shown.size(), figure);
            for (int y = 0; y < 3; y++) {
                String path = prefixes[y] + (figure.matches("p\\d+|median") ? "salary." + figure : figure);
                assertShown(r.path(path), shown.get(y), figure + " of year " + y);
            }
        }
        double median = ((Number) r.path("data.term.market.salary.median")).doubleValue();
        String sentence = browser.driver.findElement(By.id("sentence")).getText();
        assertTrue(sentence.contains(String.format("£%,d", Math.round(median))), sentence);

        List<Map<String, Object>> locations = r.path("data.term.market.locations");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#locations tbody tr[data-region]"));
        assertTrue(locations.size() >= 2, "locations to link to: " + locations.size());
        assertEquals(locations.stream().map(l -> ((Map<?, ?>) l.get("region")).get("slug")).toList(),
                rows.stream().map(row -> row.getAttribute("data-region")).toList());
        List<Map<String, Object>> skills = r.path("data.term.market.coOccurringSkills");
        assertEquals(skills.stream().map(s -> ((Map<?, ?>) s.get("term")).get("name")).toList(),
                browser.driver.findElements(By.cssSelector("#co-occurring tbody td:first-child a")).stream().map(WebElement::getText).toList());

        // Each chart drew the points the answer holds: months with ads, months with a median, histogram bands.
        List<Map<String, Object>> trend = r.path("data.term.market.vacancyTrend");
        List<Map<String, Object>> salaries = r.path("data.term.market.salaryTrend");
        List<Object> bands = r.path("data.term.market.salary.histogram");
        assertEquals(String.valueOf(trend.stream().filter(p -> ((Number) p.get("allVacancies")).intValue() > 0).count()),
                chartPoints("vacancy-trend"));
        assertEquals(String.valueOf(salaries.stream().filter(p -> p.get("median") != null).count()), chartPoints("salary-trend"));
        assertEquals(String.valueOf(bands.size()), chartPoints("salary-histogram"));
        assertTrue(Integer.parseInt(chartPoints("vacancy-trend")) > 12 && !bands.isEmpty(), "charts with something to show");
    }

    private static String chartPoints(String id) {
        WebElement figure = browser.driver.findElement(By.id(id));
        assertEquals(1, figure.findElements(By.cssSelector(".plot canvas")).size(), id + " has its canvas");
        return figure.getAttribute("data-points");
    }

    @Test
    void aLocationLinkOpensTheChildRegion() throws IOException {
        open(PAGE);
        WebElement first = browser.driver.findElement(By.cssSelector("#locations tbody tr[data-region] a"));
        String child = first.getText();
        String slug = first.findElement(By.xpath("./ancestor::tr")).getAttribute("data-region");
        first.click();
        browser.await("child", ExpectedConditions.urlContains("region=" + slug));
        browser.await("child loaded", ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
        browser.shot("term-page-child");
        assertTrue(browser.driver.findElement(By.id("title")).getText().contains(child), browser.driver.getTitle());
        assertTrue(browser.driver.getCurrentUrl().contains("/terms/junior-backend-developer"), browser.driver.getCurrentUrl());
        assertEquals(slug, browser.driver.findElement(By.cssSelector("#pickers select[name=region]")).getAttribute("value"));
    }

    @Test
    void theIndexSortsByAColumn() throws IOException {
        open("/?region=midlands&end=2025-05-02");
        browser.shot("index");
        browser.driver.findElement(By.cssSelector("#index thead button[data-sort='VACANCIES']")).click();
        browser.await("sorted", ExpectedConditions.urlContains("sort=VACANCIES"));
        browser.await("sorted loaded", ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
        browser.shot("index-by-vacancies");
        Response r = graphql("{ market(" + SCOPE + ") { terms(sort: {by: VACANCIES, direction: DESC}, first: 100) { "
                + "edges { node { term { name } vacancies } } } } }");
        List<Map<String, Object>> edges = r.path("data.market.terms.edges");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#index tbody tr"));
        assertEquals(edges.size(), rows.size());
        assertTrue(rows.size() > 20, rows.size() + " rows");
        long last = Long.MAX_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            Map<?, ?> node = (Map<?, ?>) edges.get(i).get("node");
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            assertEquals(((Map<?, ?>) node.get("term")).get("name"), cells.get(1).findElement(By.tagName("a")).getText());
            long vacancies = Long.parseLong(cells.get(3).getText().replace(",", ""));
            assertEquals(((Number) node.get("vacancies")).longValue(), vacancies);
            assertTrue(vacancies <= last, "by vacancies, most first");
            last = vacancies;
        }
        assertEquals("descending", browser.driver.findElement(By.cssSelector("#index thead th[aria-sort]")).getAttribute("aria-sort"));
    }

    @Test
    void aPhoneWidthPageDoesNotOverflow() throws IOException {
        try (Browser phone = Browser.start(390, 844)) {
            phone.driver.get(root.toString().replaceAll("/$", "") + PAGE);
            phone.await("phone", ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
            phone.shot("term-page-phone");
            Object overflow = ((JavascriptExecutor) phone.driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).intValue() <= 1, "the page is " + overflow + " px wider than the screen");
        }
    }
}
