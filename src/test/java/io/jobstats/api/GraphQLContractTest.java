package io.jobstats.api;

import io.jobstats.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The served schema is the checked-in contract, and the limits that protect the server hold. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class GraphQLContractTest {

    @Test
    void servedSchemaIsTheCheckedInContract() throws IOException {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Path file = Path.of("graphql/schema.graphql");
        if (Boolean.getBoolean("jobstats.update-contract")) {
            // After a deliberate change: ./mvnw test -Dtest=GraphQLContractTest -Djobstats.update-contract=true, then review the diff.
            Files.writeString(file, served.strip() + "\n", StandardCharsets.UTF_8);
        }
        String contract = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(contract.strip(), served.strip(),
                "the schema changed: review the change, then update graphql/schema.graphql from /graphql/schema.graphql");
    }

    @Test
    void everyExampleOperationIsValid() throws IOException {
        try (var files = Files.list(Path.of("graphql/examples"))) {
            for (Path f : files.toList()) {
                given().contentType("application/json")
                        .body(Map.of("query", Files.readString(f, StandardCharsets.UTF_8))).post("/graphql")
                        .then().statusCode(200).body("errors", nullValue());
            }
        }
    }

    @Test
    void tooDeepAQueryIsRefused() {
        String query = "{ region(slug: \"birmingham\") { " + "parent { ".repeat(13) + "name" + " }".repeat(13) + " } }";
        given().contentType("application/json").body(Map.of("query", query)).post("/graphql").then()
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_DEEP"))
                .body("errors[0].message", equalTo("The operation is 15 fields deep; at most 12 are allowed"));
    }

    @Test
    void tooComplexAQueryIsRefused() {
        // Each alias can hold 500 terms of 5 values each (2,501): 25 of them, over the 50,000 allowed.
        String query = IntStream.range(0, 25).mapToObj(i -> "a" + i + ": terms(first: 500) { edges { node { name aliases } } }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        given().contentType("application/json").body(Map.of("query", query)).post("/graphql").then()
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));
    }

    @Test
    void graphiqlIsServed() {
        given().get("/q/graphql-ui/").then().statusCode(200).body(containsString("GraphiQL"));
    }

    @Test
    void termsArePagedAsAConnection() {
        String first = "{ terms(category: \"Programming Languages\", first: 2) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }";
        var r = given().contentType("application/json").body(Map.of("query", first)).post("/graphql");
        r.then().body("data.terms.edges.size()", equalTo(2)).body("data.terms.pageInfo.hasNextPage", equalTo(true));
        String cursor = r.path("data.terms.pageInfo.endCursor");
        String second = r.path("data.terms.edges[1].node.name");
        String next = "{ terms(category: \"Programming Languages\", first: 1, after: \"" + cursor + "\") { edges { node { name } } } }";
        String third = given().contentType("application/json").body(Map.of("query", next)).post("/graphql")
                .path("data.terms.edges[0].node.name");
        org.junit.jupiter.api.Assertions.assertTrue(second.compareToIgnoreCase(third) < 0, second + " then " + third);
    }
}
