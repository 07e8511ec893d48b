package io.jobstats.api;

import io.jobstats.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every entity has an id from which node(id:) and nodes(ids:) give it back, with the same fields. Ids are made of
 * names only (slugs, dates), so they are the same in every run and release: asserted here against the encoding
 * worked out by hand.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class NodeTest {

    private static ValidatableResponse graphql(String query, Map<String, Object> variables) {
        return given().contentType("application/json").body(Map.of("query", query, "variables", variables))
                .post("/graphql").then().log().ifValidationFails().statusCode(200);
    }

    private static String id(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void idsAreStableNamesEncoded() {
        graphql("""
                { role(name: "Junior Backend Developer") { id category { id } }
                  skill(name: "C#") { id }
                  region(slug: "birmingham") { id }
                  market(region: "midlands", period: {end: "2025-05-02", months: 6}) { id }
                  term(name: "python") { market(region: "uk", period: {end: "2025-05-02", months: 6}, employment: CONTRACT) { id } } }""",
                Map.of())
                .body("errors", nullValue())
                .body("data.role.id", equalTo(id("Role:junior-backend-developer")))
                .body("data.role.category.id", equalTo(id("Category:Job Titles")))
                .body("data.skill.id", equalTo(id("Skill:c-sharp")))
                .body("data.region.id", equalTo(id("Region:birmingham")))
                .body("data.market.id", equalTo(id("MarketSummary:midlands/2025-05-02/6/PERMANENT")))
                .body("data.term.market.id", equalTo(id("TermMarket:python/uk/2025-05-02/6/CONTRACT")));
    }

    @Test
    void nodeGivesEachEntityBack() {
        String query = """
                query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
                  ... on Term { name } ... on Region { name } ... on Category { name }
                  ... on MarketSummary { region { slug } period { end months } employment }
                  ... on TermMarket { term { slug } region { slug } period { end } employment } } }""";
        List<String> ids = List.of(id("Role:junior-backend-developer"), id("Skill:c-sharp"), id("Region:west-midlands"),
                id("Category:Programming Languages"), id("MarketSummary:midlands/2025-05-02/6/PERMANENT"),
                id("TermMarket:python/uk/2025-05-02/3/CONTRACT"), id("Region:atlantis"));
        graphql(query, Map.of("ids", ids)).body("errors", nullValue())
                .body("data.nodes", hasSize(7)).body("data.nodes[6]", nullValue())
                .body("data.nodes.__typename", contains("Role", "Skill", "Region", "Category", "MarketSummary", "TermMarket"))
                .body("data.nodes[0].name", equalTo("Junior Backend Developer"))
                .body("data.nodes[1].name", equalTo("C#"))
                .body("data.nodes[2].name", equalTo("West Midlands"))
                .body("data.nodes[3].name", equalTo("Programming Languages"))
                .body("data.nodes[4].region.slug", equalTo("midlands")).body("data.nodes[4].period.months", equalTo(6))
                .body("data.nodes[5].term.slug", equalTo("python")).body("data.nodes[5].employment", equalTo("CONTRACT"))
                .body("data.nodes[5].period.end", equalTo("2025-05-02"));
        // Each id answers with itself: what a normalising cache keys the object by.
        List<String> back = graphql(query, Map.of("ids", ids.subList(0, 6))).extract().path("data.nodes.id");
        assertEquals(ids.subList(0, 6), back);
    }

    @Test
    void nodeOfAnIdFromAQueryIsTheSameObject() {
        String id = graphql("{ skill(name: \"python\") { id } }", Map.of()).extract().path("data.skill.id");
        graphql("query($id: ID!) { node(id: $id) { id ... on Skill { slug category { name } } } }", Map.of("id", id))
                .body("data.node.id", equalTo(id)).body("data.node.slug", equalTo("python"))
                .body("data.node.category.name", equalTo("Programming Languages"));
    }

    @Test
    void textThatIsNoIdIsBadUserInput() {
        graphql("{ node(id: \"not an id\") { id } }", Map.of())
                .body("data.node", nullValue()).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        graphql("query($id: ID!) { node(id: $id) { id } }", Map.of("id", id("Invoice:42")))
                .body("data.node", nullValue()).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }
}
