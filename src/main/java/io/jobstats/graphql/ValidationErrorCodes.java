package io.jobstats.api;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Gives graphql-java's validation errors (an unknown field, a missing argument, a fragment on the wrong type) the
 * code GRAPHQL_VALIDATION_FAILED, so that every error of such an answer says what kind it is.
 */
final class ValidationErrorCodes implements Instrumentation {

    static final String CODE = "GRAPHQL_VALIDATION_FAILED";

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

    private static GraphQLError coded(GraphQLError e) {
        Map<String, Object> extensions = new HashMap<>(e.getExtensions() == null ? Map.of() : e.getExtensions());
        extensions.put("code", CODE);
        return GraphqlErrorBuilder.newError().message(e.getMessage()).locations(e.getLocations()).path(e.getPath())
                .errorType(e.getErrorType()).extensions(extensions).build();
    }
}
