package io.jobstats.security;

import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestAds;
import io.jobstats.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may write, and in what form: both write paths need the role loader; no cross-site request type gets through. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class WriteAccessTest {

    private static final String SOURCE = "write-access";

    @AfterAll
    static void removeOwnAds() {
        TestAds.remove(SOURCE);
    }

    @Inject
    DataSource dataSource;

    private static String ad(String id) {
        return "{\"source\":\"" + SOURCE + "\",\"sourceId\":\"" + id + "\",\"title\":\"Data Engineer\",\"location\":\"York\","
                + "\"employment\":\"PERMANENT\",\"postedOn\":\"2012-02-01\"}\n";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String mutation(String id) {
        return "mutation { loadAds(input: {ads: [{source: \"" + SOURCE + "\", sourceId: \"" + id + "\", title: \"Data Engineer\", "
                + "location: \"York\", employment: PERMANENT, postedOn: \"2012-02-01\"}]}) { report { adsAdded } } }";
    }

    @Test
    void postingAdsNeedsTheLoaderRole() throws SQLException {
        given().contentType("application/x-ndjson").body(bytes(ad("rest-anonymous"))).post("/ads").then().statusCode(401);
        given().auth().oauth2("not.a.token").contentType("application/x-ndjson").body(bytes(ad("rest-garbage"))).post("/ads")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.token("reader")).contentType("application/x-ndjson").body(bytes(ad("rest-reader")))
                .post("/ads").then().statusCode(403);
        TestTokens.asLoader().contentType("application/x-ndjson").body(bytes(ad("rest-loader"))).post("/ads").then()
                .statusCode(200).body("adsAdded", equalTo(1));
        assertEquals(1, stored());
    }

    @Test
    void theMutationNeedsTheLoaderRole() throws SQLException {
        graphql(given(), mutation("gql-anonymous")).then().statusCode(401)
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        graphql(given().auth().oauth2(TestTokens.token("reader")), mutation("gql-reader")).then().statusCode(403)
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", containsString("role loader"));
        graphql(TestTokens.asLoader(), mutation("gql-loader")).then().statusCode(200)
                .body("errors", nullValue()).body("data.loadAds.report.adsAdded", equalTo(1));
        assertEquals(0, stored("gql-anonymous") + stored("gql-reader"));
        assertEquals(1, stored("gql-loader"));
    }

    @Test
    void typesABrowserSendsCrossSiteWithoutAskingAreRefused() throws SQLException {
        for (String type : new String[]{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            RestAssuredConfig asText = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                    .encodeContentTypeAs(type.split(";")[0], ContentType.TEXT));
            TestTokens.asLoader().config(asText).contentType(type).body(ad("cross-site")).post("/ads").then().statusCode(415);
            given().config(asText).contentType(type).body("{\"query\":\"{ categories { name } }\"}").post("/graphql").then()
                    .statusCode(415).body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        }
        // A mutation over GET is never run, whatever the token.
        TestTokens.asLoader().queryParam("query", mutation("over-get")).get("/graphql").then().statusCode(405);
        assertEquals(0, stored("cross-site") + stored("over-get"));
        // No CORS headers: a browser keeps another origin's page from reading any answer.
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/graphql").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void gzipBodiesAreDecodedAndUnknownEncodingsRefused() throws IOException, SQLException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(ad("gzip").getBytes(StandardCharsets.UTF_8));
        }
        TestTokens.asLoader().contentType("application/x-ndjson").header("Content-Encoding", "gzip").body(zipped.toByteArray())
                .post("/ads").then().statusCode(200).body("adsAdded", equalTo(1)).body("linesRejected", equalTo(0));
        assertEquals(1, stored("gzip"));
        TestTokens.asLoader().contentType("application/x-ndjson").header("Content-Encoding", "compress").body(bytes(ad("compress")))
                .post("/ads").then().statusCode(415);
        assertEquals(0, stored("compress"));
    }

    private static io.restassured.response.Response graphql(RequestSpecification request, String query) {
        return request.contentType("application/json").body(Map.of("query", query)).post("/graphql");
    }

    private long stored() throws SQLException {
        return stored("rest-anonymous") + stored("rest-garbage") + stored("rest-reader") + stored("rest-loader");
    }

    private long stored(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM ad WHERE source = '" + SOURCE + "' AND source_id = '" + id + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
