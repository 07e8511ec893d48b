package io.jobstats.api;

import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestAds;
import io.jobstats.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The load history (Hibernate ORM with Panache over load_report): newest first, paged, for loaders only. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class LoadQueriesTest {

    private static final String SOURCE = "load-queries";
    private static final String LOADS = "query($after: String) { loads(first: 1, after: $after) { totalCount "
            + "edges { cursor node { id format startedAt finishedAt report { linesRead adsAdded linesRejected completed "
            + "rejections { line field code reason } } } } pageInfo { hasNextPage endCursor } } }";

    @AfterAll
    static void removeOwnAds() {
        TestAds.remove(SOURCE);
    }

    @Inject
    DataSource dataSource;

    private static Response post(String contentType, String body) {
        return TestTokens.asLoader().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8)).post("/ads");
    }

    private static Response loads(String after) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("after", after);
        return TestTokens.asLoader().contentType("application/json").body(Map.of("query", LOADS, "variables", variables))
                .post("/graphql");
    }

    private long recorded() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM load_report")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theHistoryListsEachLoadWithItsReportNewestFirst() throws Exception {
        post("application/x-ndjson", "{\"source\":\"" + SOURCE + "\",\"sourceId\":\"1\",\"title\":\"Tester\","
                + "\"location\":\"York\",\"employment\":\"PERMANENT\",\"postedOn\":\"2014-02-01\"}\n").then().statusCode(200);
        post("text/csv", "source,sourceId,title,location,employment,postedOn\n"
                + SOURCE + ",2,Tester,York,PERMANENT,2014-02-01\n"
                + SOURCE + ",3,Tester,York,TEMP,2014-02-01\n").then().statusCode(200);

        Response newest = loads(null);
        newest.then().statusCode(200).body("errors", nullValue())
                .body("data.loads.totalCount", equalTo((int) recorded()))
                .body("data.loads.edges[0].node.format", equalTo("CSV"))
                .body("data.loads.edges[0].node.report.linesRead", equalTo(2))
                .body("data.loads.edges[0].node.report.adsAdded", equalTo(1))
                .body("data.loads.edges[0].node.report.linesRejected", equalTo(1))
                .body("data.loads.edges[0].node.report.rejections[0].line", equalTo(3))
                .body("data.loads.edges[0].node.report.rejections[0].field", equalTo("employment"))
                .body("data.loads.edges[0].node.report.rejections[0].code", equalTo("INVALID_VALUE"))
                .body("data.loads.pageInfo.hasNextPage", equalTo(true));
        String cursor = newest.path("data.loads.pageInfo.endCursor");
        Response before = loads(cursor);
        before.then().body("errors", nullValue()).body("data.loads.edges[0].node.format", equalTo("NDJSON"))
                .body("data.loads.edges[0].node.report.adsAdded", equalTo(1));
        assertNotEquals(newest.<String>path("data.loads.edges[0].node.id"), before.path("data.loads.edges[0].node.id"));
        String started = before.path("data.loads.edges[0].node.startedAt");
        assertEquals(true, started.compareTo(newest.<String>path("data.loads.edges[0].node.startedAt")) <= 0, started);

        // A load is a node: fetched again by its id.
        String id = newest.path("data.loads.edges[0].node.id");
        TestTokens.asLoader().contentType("application/json")
                .body(Map.of("query", "query($id: ID!) { node(id: $id) { id ... on Load { report { adsAdded } } } }",
                        "variables", Map.of("id", id)))
                .post("/graphql").then().body("errors", nullValue()).body("data.node.id", equalTo(id))
                .body("data.node.report.adsAdded", equalTo(1));
    }

    @Test
    void onlyLoadersReadTheHistory() {
        given().contentType("application/json").body(Map.of("query", "{ loads { totalCount } }")).post("/graphql")
                .then().body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(TestTokens.token("reader")).contentType("application/json")
                .body(Map.of("query", "{ loads { totalCount } }")).post("/graphql")
                .then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }
}
