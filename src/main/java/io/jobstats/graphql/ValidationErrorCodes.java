package io.jobstats.graphql;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.validation.ValidationError;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives graphql-java's validation errors (an unknown field, a missing argument, a fragment on the wrong type) the
 * code GRAPHQL_VALIDATION_FAILED, and its errors in coercing variables the code BAD_USER_INPUT, so that every error
 * of such an answer says what kind it is.
 */
final class ValidationErrorCodes implements Instrumentation {

    static final String CODE = "GRAPHQL_VALIDATION_FAILED";

    private static final Pattern JAVA_TYPE = Pattern.compile("is not a valid 'Unknown Scalar Type \\[[^\\]]*\\]'");

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        if (result.getErrors().stream().noneMatch(ValidationErrorCodes::uncodedValidation)) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = result.getErrors().stream()
                .map(e -> uncodedValidation(e) ? coded(e) : e)
                .toList();
        return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result).errors(errors).build());
    }

    private static boolean uncodedValidation(GraphQLError e) {
        return e.getErrorType() == ErrorType.ValidationError && ErrorCodes.of(e) == null;
    }

    /**
     * A document that does not fit the schema is GRAPHQL_VALIDATION_FAILED; variables whose values do not fit their
     * types (graphql-java reports those as validation errors too, but they are the values', not the document's) are
     * BAD_USER_INPUT.
     */
    private static GraphQLError coded(GraphQLError e) {
        Map<String, Object> extensions = new HashMap<>(e.getExtensions() == null ? Map.of() : e.getExtensions());
        // SmallRye's own argument conversion names the Java type it failed to make; the client knows its GraphQL type.
        Matcher javaType = JAVA_TYPE.matcher(e.getMessage());
        boolean value = !(e instanceof ValidationError) || javaType.find();
        extensions.put("code", value ? "BAD_USER_INPUT" : CODE);
        return GraphqlErrorBuilder.newError().message(javaType.replaceAll("does not fit its type")).locations(e.getLocations()).path(e.getPath())
                .errorType(e.getErrorType()).extensions(extensions).build();
    }
}
