package io.jobstats.graphql;

import io.jobstats.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.client.Response;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClientBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations of graphql/examples run through SmallRye's GraphQL client (the dynamic one) as a Java client sends
 * them, and answer without errors and with the same data as the same text posted by hand.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class GraphQLClientTest {

    @TestHTTPResource("/graphql")
    URL endpoint;

    @Test
    void theExamplesRunThroughSmallRyesClient() throws Exception {
        List<Path> examples;
        try (var files = Files.list(Path.of("graphql/examples"))) {
            examples = files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
        }
        assertTrue(examples.size() >= 4, examples.toString());
        try (DynamicGraphQLClient client = DynamicGraphQLClientBuilder.newBuilder().url(endpoint.toString()).build()) {
            for (Path example : examples) {
                String text = Files.readString(example, StandardCharsets.UTF_8);
                Response response = client.executeSync(text);
                assertFalse(response.hasError(), example + ": " + response.getErrors());
                assertNotNull(response.getData(), example.toString());
                assertEquals(byHand(text), response.getData(), example.toString());
            }
        }
    }

    @Test
    void variablesAndTypedResultsThroughTheClient() throws Exception {
        try (DynamicGraphQLClient client = DynamicGraphQLClientBuilder.newBuilder().url(endpoint.toString()).build()) {
            Response response = client.executeSync("query($name: String!) { skill(name: $name) { id name slug } }",
                    Map.of("name", "C#"));
            assertFalse(response.hasError(), String.valueOf(response.getErrors()));
            SkillRow skill = response.getObject(SkillRow.class, "skill");
            assertEquals("c-sharp", skill.slug);
            Response again = client.executeSync("query($id: ID!) { node(id: $id) { ... on Skill { name } } }",
                    Map.of("id", skill.id));
            assertEquals(skill.name, again.getData().getJsonObject("node").getString("name"));
        }
    }

    /** What the result of a typed client could be mapped to. */
    public static class SkillRow {
        public String id;
        public String name;
        public String slug;
    }

    private static JsonObject byHand(String query) {
        String body = given().contentType("application/json").body(Map.of("query", query)).post("/graphql")
                .then().statusCode(200).extract().asString();
        return Json.createReader(new StringReader(body)).readObject().getJsonObject("data");
    }
}
