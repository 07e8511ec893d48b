package io.jobstats.graphql;

import io.jobstats.EmbeddedPostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole results are served again only for the same query, operation, variables and data version, and response
 * bytes only for the same body and Accept header at the same data version (a load's invalidation is
 * MarketFiguresTest.aLoadInvalidatesCachedFigures); the limits still hold for every request.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ResponseCacheTest {

    private static Response post(String query, String operationName, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        if (variables != null) {
            body.put("variables", variables);
        }
        return given().contentType("application/json").body(body).post("/graphql");
    }

    private static Response postRaw(String body, String accept) {
        return given().contentType("application/json").accept(accept).body(body).post("/graphql");
    }

    private static double hits(String cache) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("cache_gets_total\\{[^}]*cache=\"" + cache + "\"[^}]*result=\"hit\"[^}]*} ([0-9.E+]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void aRepeatedRequestIsAnsweredWithTheSameBytes() {
        String body = "{\"query\": \"{ role(name: \\\"Junior Backend Developer\\\") { name slug aliases } "
                + "regions(parent: \\\"midlands\\\") { name } }\"}";
        Response first = postRaw(body, "*/*");
        first.then().statusCode(200).body("errors", nullValue()).body("data.role.name", equalTo("Junior Backend Developer"));
        double before = hits("graphql-response-bytes");
        Response second = postRaw(body, "*/*");
        assertEquals(before + 1, hits("graphql-response-bytes"), "the repeat was answered from the response bytes");
        assertEquals(first.asString(), second.asString());
        assertEquals(first.contentType(), second.contentType());
    }

    /** Another body for the same query (other spacing, empty variables): answered from the results cache. */
    @Test
    void theSameQueryInAnotherBodyIsServedFromTheResultCache() {
        String query = "{ skill(name: \\\"Kubernetes\\\") { name category { name } } }";
        String first = postRaw("{\"query\": \"" + query + "\"}", "*/*").then().statusCode(200)
                .body("errors", nullValue()).extract().asString();
        double before = hits("graphql-responses");
        String second = postRaw("{ \"query\" : \"" + query + "\", \"variables\": {} }", "*/*").asString();
        assertEquals(before + 1, hits("graphql-responses"), "the other body was served from the results cache");
        assertEquals(first, second);
    }

    /** A padded query is answered but not kept: a few such requests must not fill the heap. */
    @Test
    void largeQueriesAreNotKept() {
        String query = "{ categories { name } }\\n#" + "x".repeat(70_000);
        double bytes = hits("graphql-response-bytes");
        double results = hits("graphql-responses");
        for (int i = 0; i < 2; i++) {
            postRaw("{\"query\": \"" + query + "\"}", "*/*").then().statusCode(200).body("errors", nullValue())
                    .body("data.categories[0].name", notNullValue());
        }
        assertEquals(bytes, hits("graphql-response-bytes"));
        assertEquals(results, hits("graphql-responses"));
    }

    /** The Accept header sets the response's type: the same body asked for as JSON is answered as JSON. */
    @Test
    void theAcceptHeaderIsAPartOfTheKey() {
        String body = "{\"query\": \"{ categories { name } }\"}";
        String graphqlType = postRaw(body, "application/graphql-response+json").contentType();
        assertTrue(graphqlType.startsWith("application/graphql-response+json"), graphqlType);
        assertEquals(graphqlType, postRaw(body, "application/graphql-response+json").contentType());
        for (int i = 0; i < 2; i++) {
            postRaw(body, "*/*").then().statusCode(200).contentType(startsWith("application/json"));
        }
        assertEquals(graphqlType, postRaw(body, "application/graphql-response+json").contentType());
    }

    @Test
    void variablesAreAPartOfTheKey() {
        String query = "query Named($name: String!) { role(name: $name) { name } }";
        post(query, null, Map.of("name", "Junior Backend Developer")).then()
                .body("data.role.name", equalTo("Junior Backend Developer"));
        post(query, null, Map.of("name", "Data Engineer")).then()
                .body("data.role.name", equalTo("Data Engineer"));
    }

    @Test
    void theOperationIsAPartOfTheKey() {
        String query = "query A { role(name: \"Data Engineer\") { name } } query B { skill(name: \"C#\") { name } }";
        post(query, "A", null).then().body("data.role.name", equalTo("Data Engineer"));
        post(query, "B", null).then().body("data.skill.name", equalTo("C#")).body("data.role", nullValue());
    }

    @Test
    void errorsAreNotKeptAndSuggestionsStay() {
        String query = "{ role(name: \"Junior Bakend Developer\") { name } }";
        for (int i = 0; i < 2; i++) {
            post(query, null, null).then()
                    .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                    .body("errors[0].extensions.suggestions[0]", equalTo("Junior Backend Developer"));
        }
    }

    /** A query that passed its complexity limit with some variables is checked again with others. */
    @Test
    void limitsAreCheckedForEachQueryAndVariables() {
        // 10 aliases of 500 terms fit the cost limit (2,501 values each, 50,000 allowed); 25 do not.
        String query = IntStream.range(0, 25)
                .mapToObj(i -> "a" + i + ": terms(first: 500)" + (i < 10 ? "" : " @include(if: $all)") + " { edges { node { name aliases } } }")
                .collect(Collectors.joining(" ", "query Many($all: Boolean!) { ", " }"));
        post(query, null, Map.of("all", false)).then().body("errors", nullValue()).body("data.a0", notNullValue());
        for (int i = 0; i < 2; i++) {
            post(query, null, Map.of("all", true)).then()
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));
        }
        post(query, null, Map.of("all", false)).then().body("errors", nullValue());
    }
}
