package io.jobstats;

import io.jobstats.market.ReferencePageTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged application as it is deployed: the runnable jar after {@code ./mvnw verify}, the native executable
 * when target/quarkus-artifact.properties names one ({@code .ci/run} does so after bench/native-build.sh), started
 * against a throw-away PostgreSQL. It loads the reference ads, answers every operation in graphql/examples/ and the
 * reference page's figures, refuses a bad input and an unknown name with their codes, and serves the web client. Each run keeps its answers
 * to the examples in target/packaged-answers/{jar,native}; a native run compares its own, byte for byte, with the
 * jar's when they are there.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedAppIT {

    private static final Path ANSWERS = Path.of("target", "packaged-answers");

    @Test
    @Order(1)
    void startsReadyAndLoadsTheReferenceAds() throws IOException {
        given().get("/q/health/ready").then().statusCode(200);
        String ads = ReferencePageTest.referenceAds();
        long lines = ads.lines().filter(l -> !l.isBlank()).count();
        TestTokens.asLoader().contentType("application/x-ndjson").body(ads.getBytes(StandardCharsets.UTF_8)).post("/ads")
                .then().statusCode(200)
                .body("linesRead", equalTo((int) lines))
                .body("adsAdded", equalTo((int) lines))
                .body("linesRejected", equalTo(0));
    }

    @Test
    @Order(2)
    void answersTheReferencePage() {
        String m = "data.role.market.";
        ReferencePageTest.graphql(ReferencePageTest.PAGE).then().statusCode(200)
                .body("errors", nullValue())
                .body(m + "period.label", equalTo("6 months to 2 May 2025"))
                .body(m + "vacancies", equalTo(2))
                // percentile_cont over (22,500, 28,375): the midpoint.
                .body(m + "salary.median", closeTo(25_437.5, 1e-9))
                .body(m + "medianChange", closeTo(-0.49125, 1e-12))
                .body(m + "nationMedian", closeTo(28_375, 1e-9))
                .body(m + "locations.region.name", contains("East Midlands", "West Midlands"));
    }

    @Test
    @Order(3)
    void answersEveryExampleOperation() throws IOException {
        List<Path> examples;
        try (var files = Files.list(Path.of("graphql/examples"))) {
            examples = files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
        }
        assertTrue(examples.size() >= 4, examples.toString());
        String kind = artifactType();
        Path mine = ANSWERS.resolve(kind);
        Files.createDirectories(mine);
        for (Path example : examples) {
            Response r = ReferencePageTest.graphql(Files.readString(example, StandardCharsets.UTF_8));
            r.then().statusCode(200).body("errors", nullValue()).body("data", org.hamcrest.Matchers.notNullValue());
            byte[] body = r.asByteArray();
            String name = example.getFileName().toString().replace(".graphql", ".json");
            Files.write(mine.resolve(name), body);
            Path jar = ANSWERS.resolve("jar").resolve(name);
            if (!kind.equals("jar") && Files.exists(jar)) {
                assertArrayEquals(Files.readAllBytes(jar), body, example + ": the " + kind + " answer differs from the jar's");
            }
        }
    }

    @Test
    @Order(4)
    void refusesABadInputWithItsCode() {
        given().contentType("application/json")
                .body(Map.of("query", "query($end: Date) { market(region: \"uk\", period: {end: $end}) { vacancies } }",
                        "variables", Map.of("end", "2025-02-30")))
                .post("/graphql").then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        TestTokens.asLoader().contentType("application/x-ndjson")
                .body("{\"source\":\"packaged-it\",\"sourceId\":\"1\",\"title\":\"Tester\"}\n".getBytes(StandardCharsets.UTF_8))
                .post("/ads").then().statusCode(200)
                .body("adsAdded", equalTo(0))
                .body("rejections[0].code", equalTo("REQUIRED"));
    }

    @Test
    @Order(5)
    void answersAnUnknownNameWithNotFound() {
        ReferencePageTest.graphql("{ role(name: \"no such role at all\") { name } }").then().statusCode(200)
                .body("data.role", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    /** The web client's pages, its scripts and the chart library's WebJar are in the package and served. */
    @Test
    @Order(6)
    void servesTheWebClient() {
        given().get("/").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"))
                .body(org.hamcrest.Matchers.containsString("/js/index.js"));
        given().get("/terms/junior-backend-developer").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/js/term.js"));
        for (String script : List.of("/js/index.js", "/js/term.js", "/js/charts.js", "/js/pickers.js", "/js/api.js", "/js/format.js")) {
            given().get(script).then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("javascript"));
        }
        given().get("/webjars/uplot/dist/uPlot.esm.js").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("uPlot"));
        given().get("/webjars/uplot/dist/uPlot.min.css").then().statusCode(200);
    }

    /** "jar" or "native": what the Quarkus build (or .ci/run) recorded as the artifact under test. */
    private static String artifactType() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target", "quarkus-artifact.properties"))) {
            p.load(in);
        }
        return p.getProperty("type", "jar");
    }
}
