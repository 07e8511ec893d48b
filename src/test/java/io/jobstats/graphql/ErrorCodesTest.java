package io.jobstats.api;

import io.jobstats.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

/** An operation that does not fit the schema is refused with GRAPHQL_VALIDATION_FAILED and where it went wrong. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ErrorCodesTest {

    @Test
    void validationErrorsAreCoded() {
        given().contentType("application/json").body(Map.of("query", "{ nope categories { name } role { name } }"))
                .post("/graphql").then().statusCode(200).body("data", nullValue())
                .body("errors.extensions.code", everyItem(equalTo("GRAPHQL_VALIDATION_FAILED")))
                .body("errors[0].locations[0].line", equalTo(1)).body("errors[0].locations[0].column", equalTo(3));
    }
}
