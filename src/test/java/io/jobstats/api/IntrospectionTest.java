package io.jobstats.api;

import graphql.introspection.IntrospectionQuery;
import io.jobstats.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The standard introspection queries, 15 fields deep, are answered (GraphiQL, codegen and schema tools send them),
 * while the depth limit still holds for everything else and abusive introspection is refused.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IntrospectionTest {

    private static io.restassured.response.ValidatableResponse post(String query) {
        return given().contentType("application/json").body(Map.of("query", query)).post("/graphql").then().statusCode(200);
    }

    @Test
    void graphqlJsIntrospectionIsAnswered() throws IOException {
        // graphql-js getIntrospectionQuery({descriptions, specifiedByUrl, directiveIsRepeatable, schemaDescription,
        // inputValueDeprecation}), as GraphiQL sends it.
        post(Files.readString(Path.of("src/test/resources/introspection/graphql-js.graphql"), StandardCharsets.UTF_8))
                .body("errors", nullValue()).body("data.__schema.queryType.name", equalTo("Query"))
                .body("data.__schema.types.name", hasItem("Term"));
    }

    @Test
    void graphqlJavaIntrospectionIsAnswered() {
        post(IntrospectionQuery.INTROSPECTION_QUERY).body("errors", nullValue())
                .body("data.__schema.types.find { it.name == 'Query' }.fields.name", hasItem("market"));
    }

    @Test
    void introspectionInBadFaithIsRefused() {
        post("{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }")
                .body("data", nullValue()).body("errors[0].message", notNullValue());
    }
}
