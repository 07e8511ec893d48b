package io.jobstats.api;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP status of a response that holds no data, from its first error's code, as the GraphQL-over-HTTP spec allows
 * for a request that could not be executed: 401 without credentials, 403 without the role, 503 while the database
 * cannot be reached, 504 when it ran out of time. SmallRye writes 200 for every result; a headers-end handler
 * replaces it just before the headers go.
 * A response with data is always 200: its errors concern single fields.
 */
final class HttpStatus implements Instrumentation {

    private static final Map<String, Integer> BY_CODE = Map.of(
            "UNAUTHENTICATED", 401,
            "FORBIDDEN", 403,
            "SERVICE_UNAVAILABLE", 503,
            "TIMEOUT", 504);

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        Integer status = statusOf(result);
        RoutingContext http = status == null ? null : CurrentRequest.get();
        if (http != null) {
            http.addHeadersEndHandler(v -> http.response().setStatusCode(status));
        }
        return CompletableFuture.completedFuture(result);
    }

    static Integer statusOf(ExecutionResult result) {
        if (result.getData() != null || result.getErrors().isEmpty()) {
            return null;
        }
        String code = ErrorCodes.of(result.getErrors().get(0));
        return code == null ? null : BY_CODE.get(code);
    }
}
