package io.jobstats.graphql;

import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestAds;
import io.jobstats.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * GraphQL over HTTP as browsers, CDNs and clients use it: queries over GET with an ETag of the data version and 304,
 * never a mutation over GET; Automatic Persisted Queries; compression; response types and statuses as the
 * GraphQL-over-HTTP spec has them; every error coded, parse errors with where they are.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class GraphQLHttpTest {

    private static final String SOURCE = "graphql-http";
    private static final String QUERY = "{ categories { name } }";

    @AfterAll
    static void removeOwnAds() {
        TestAds.remove(SOURCE);
    }

    @Inject
    DataSource dataSource;

    private static RequestSpecification get(String query) {
        return given().queryParam("query", query);
    }

    private static Response post(String accept, Map<String, Object> body) {
        return given().contentType("application/json").accept(accept).body(body).post("/graphql");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void loadOneAd(String id) {
        String ad = "{\"source\":\"" + SOURCE + "\",\"sourceId\":\"" + id + "\",\"title\":\"Data Engineer\",\"location\":\"York\","
                + "\"employment\":\"PERMANENT\",\"postedOn\":\"2013-02-01\"}\n";
        TestTokens.asLoader().contentType("application/x-ndjson").body(ad.getBytes(StandardCharsets.UTF_8)).post("/ads")
                .then().statusCode(200);
    }

    @Test
    void aQueryOverGetIsCachedUntilTheDataChanges() {
        Response first = get(QUERY).get("/graphql");
        first.then().statusCode(200).body("data.categories.name", notNullValue())
                .header("ETag", startsWith("W/\"")).header("Cache-Control", equalTo("public, max-age=60"))
                .header("Vary", containsString("Accept"));
        String etag = first.header("ETag");
        get(QUERY).header("If-None-Match", etag).get("/graphql").then().statusCode(304).body(emptyString())
                .header("ETag", equalTo(etag));
        // The same query posted is answered alike (POST is not cacheable by HTTP, so it has no ETag).
        post("application/json", Map.of("query", QUERY)).then().statusCode(200).header("ETag", nullValue())
                .body("data.categories.name", equalTo(first.path("data.categories.name")));
        loadOneAd("etag");
        Response after = get(QUERY).header("If-None-Match", etag).get("/graphql");
        after.then().statusCode(200).body("data.categories.name", notNullValue());
        assertNotEquals(etag, after.header("ETag"), "a load changes the data version, and so the ETag");
    }

    @Test
    void aMutationIsNeverRunOverGet() throws Exception {
        String mutation = "mutation { loadAds(input: {ads: [{source: \"" + SOURCE + "\", sourceId: \"over-get\", "
                + "title: \"Tester\", location: \"York\", employment: PERMANENT, postedOn: \"2013-02-01\"}]}) { report { adsAdded } } }";
        TestTokens.asLoader().queryParam("query", mutation).get("/graphql").then().statusCode(405)
                .header("Allow", equalTo("POST")).header("Cache-Control", equalTo("no-store"))
                .body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM ad WHERE source = '" + SOURCE + "' AND source_id = 'over-get'")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
        }
        given().contentType("application/json").body(Map.of("query", QUERY)).put("/graphql").then().statusCode(405)
                .header("Allow", equalTo("GET, POST"));
    }

    @Test
    void persistedQueriesAreSentByHash() throws Exception {
        String query = "query PersistedRegions { regions(parent: \"midlands\") { name } }";
        String hash = sha256(query);
        Map<String, Object> extensions = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
        // Not held yet: the client is told, in Apollo's words, and sends the text along.
        post("application/json", Map.of("extensions", extensions)).then().statusCode(200).body("data", nullValue())
                .body("errors[0].message", equalTo("PersistedQueryNotFound"))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        post("application/json", Map.of("query", query, "extensions", extensions)).then().statusCode(200)
                .body("data.regions.name", org.hamcrest.Matchers.hasItem("West Midlands"));
        // From then on the hash alone does, over POST and as a short, cacheable GET.
        post("application/json", Map.of("extensions", extensions)).then().statusCode(200)
                .body("data.regions.name", org.hamcrest.Matchers.hasItem("West Midlands"));
        given().queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}")
                .get("/graphql").then().statusCode(200).header("ETag", notNullValue())
                .body("data.regions.name", org.hamcrest.Matchers.hasItem("West Midlands"));
        // A text that is not what its hash says is refused.
        post("application/json", Map.of("query", QUERY, "extensions", extensions)).then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }

    @Test
    void aParseErrorSaysWhereAndIsARequestError() {
        String broken = "{\n  categories {\n    name\n  }\n  regions(parent: ) { name }\n}";
        post("application/graphql-response+json", Map.of("query", broken)).then().statusCode(400)
                .contentType(startsWith("application/graphql-response+json"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
                .body("errors[0].locations[0].line", equalTo(5)).body("errors[0].locations[0].column", equalTo(19))
                .body("errors[0].message", containsString("Invalid syntax"));
        // application/json keeps 200 for every well-formed HTTP request, as the spec asks.
        post("application/json", Map.of("query", broken)).then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"));
        given().contentType("application/json").body("{\"query\": ").post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }

    @Test
    void validationAndLimitErrorsAreRequestErrors() {
        post("application/graphql-response+json", Map.of("query", "{ categories { nope } }")).then().statusCode(400)
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        String deep = "{ region(slug: \"birmingham\") { " + "parent { ".repeat(13) + "name" + " }".repeat(13) + " } }";
        post("application/graphql-response+json", Map.of("query", deep)).then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_DEEP"));
        // Field errors come with data: 200.
        post("application/graphql-response+json", Map.of("query", "{ region(slug: \"atlantis\") { name } }")).then()
                .statusCode(200).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void variablesThatDoNotFitTheirTypesAreBadUserInputWithoutData() {
        String query = "query($p: PeriodInput) { market(region: \"uk\", period: $p) { vacancies } }";
        for (Map<String, Object> p : new Map[] {Map.of("end", "2025-13-45"), Map.of("end", "yesterday"), Map.of("months", "six")}) {
            post("application/graphql-response+json", Map.of("query", query, "variables", Map.of("p", p))).then()
                    .log().ifValidationFails().statusCode(400).body("data", nullValue())
                    .body("errors.extensions.code", everyItem(equalTo("BAD_USER_INPUT")))
                    .body("errors[0].message", not(containsString("io.jobstats")))
                    .body("errors[0].message", not(containsString("Scalar Type")));
        }
    }

    @Test
    void answersAreCompressedAndDecodeToTheSameJson() throws Exception {
        var raw = RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        String query = "{ regions(parent: \"england\") { name slug kind children { name } } }";
        String plain = given().config(raw).queryParam("query", query).get("/graphql")
                .then().statusCode(200).header("Content-Encoding", nullValue()).extract().asString();
        // The first answer of each is compressed as it goes out, the next from the kept answer's compressed bytes.
        for (String acceptEncoding : new String[] {"br", "br", "gzip", "gzip", "br;q=0, gzip", "deflate, br"}) {
            Response r = given().config(raw).header("Accept-Encoding", acceptEncoding).queryParam("query", query).get("/graphql");
            String coding = r.header("Content-Encoding");
            r.then().statusCode(200);
            assertEquals(acceptEncoding.startsWith("br;q=0") ? "gzip" : acceptEncoding.contains("br") ? "br" : "gzip", coding,
                    acceptEncoding);
            byte[] body = r.asByteArray();
            String decoded = coding.equals("br")
                    ? new String(com.aayushatharva.brotli4j.decoder.Decoder.decompress(body).getDecompressedData(), StandardCharsets.UTF_8)
                    : new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(plain, decoded, acceptEncoding);
            org.junit.jupiter.api.Assertions.assertTrue(body.length * 3 < plain.length(), body.length + " of " + plain.length());
        }
    }

    @Test
    void graphiqlsDoubledContentTypeIsAccepted() {
        // GraphiQL's fetcher sets Content-Type twice; the browser sends the two joined.
        given().header("Content-Type", "application/json, application/json").body(("{\"query\": \"" + QUERY + "\"}").getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then().statusCode(200).body("data.categories.name", notNullValue());
        given().header("Content-Type", "application/json, text/plain").body(("{\"query\": \"" + QUERY + "\"}").getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then().statusCode(415);
    }

    @Test
    void theResponseTypeFollowsAccept() {
        post("application/graphql-response+json", Map.of("query", QUERY)).then().statusCode(200)
                .contentType(startsWith("application/graphql-response+json"));
        post("application/json;q=0.5, application/graphql-response+json", Map.of("query", QUERY)).then()
                .contentType(startsWith("application/graphql-response+json"));
        post("*/*", Map.of("query", QUERY)).then().contentType(startsWith("application/json"));
        post("text/html", Map.of("query", QUERY)).then().statusCode(406);
    }
}
