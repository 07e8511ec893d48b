package io.jobstats.graphql;

import io.jobstats.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.NonNullableFieldWasNullException;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import graphql.schema.GraphQLNonNull;
import io.smallrye.graphql.execution.ExecutionResponse;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void theServicesOwnFailuresAreInternalServerErrorsNamingNoJavaClass() {
        // What SmallRye writes for a resolver's unexpected exception, and for graphql-java's own error.
        ExecutionResult result = ExecutionResultImpl.newExecutionResult().data(Map.of("market", Map.of()))
                .addError(new ExceptionWhileDataFetching(ResultPath.parse("/market/rank"),
                        new IllegalStateException("boom"), new SourceLocation(1, 20)))
                .addError(new NonNullableFieldWasNullError(new NonNullableFieldWasNullException(
                        ExecutionStepInfo.newExecutionStepInfo().type(GraphQLNonNull.nonNull(Scalars.GraphQLInt))
                                .path(ResultPath.parse("/market/vacancies")).build(), ResultPath.parse("/market/vacancies"))))
                .addError(new ExceptionWhileDataFetching(ResultPath.parse("/region"),
                        new io.jobstats.api.NotFoundException("No region 'x'", List.of()), new SourceLocation(1, 3)))
                .build();
        JsonObject written = new ExecutionResponse(result).getExecutionResultAsJsonObject();
        assertEquals("illegal-state", written.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code"),
                "SmallRye's own code, which this test is about replacing");
        JsonObject coded = ErrorCodes.complete(written, result.getErrors());
        List<String> codes = coded.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getJsonObject("extensions").getString("code")).toList();
        assertEquals(List.of("INTERNAL_SERVER_ERROR", "INTERNAL_SERVER_ERROR", "NOT_FOUND"), codes);
        assertEquals(written.get("data"), coded.get("data"));
        assertEquals(500, GraphQLRoute.status(ExecutionResultImpl.newExecutionResult().addError(result.getErrors().get(0))
                .build(), GraphQLRoute.GRAPHQL_RESPONSE));
    }
}
