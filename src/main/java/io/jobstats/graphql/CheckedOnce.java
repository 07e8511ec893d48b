package io.jobstats.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * graphql-java's depth or complexity limit, evaluated once per distinct query, and not for introspection. Both walk the whole query before
 * it runs: for the reference page that walk was most of what a request served from the response cache still cost.
 * Their verdict depends only on the query, the operation and the variables (the schema is fixed), so a query that
 * passed passes again; one that did not is checked again each time and refused each time.
 */
final class CheckedOnce implements Instrumentation {

    private final Instrumentation limit;
    private final Cache<QueryKey, Boolean> passed;

    CheckedOnce(Instrumentation limit, int remembered) {
        this.limit = limit;
        this.passed = Caffeine.newBuilder().maximumSize(remembered).build();
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return limit.createStateAsync(parameters);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                         InstrumentationState state) {
        return limit.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        if (introspectionOnly(parameters.getExecutionContext().getOperationDefinition())) {
            return null;
        }
        QueryKey key = QueryKey.of(parameters.getExecutionContext());
        if (passed.getIfPresent(key) != null) {
            return null;
        }
        InstrumentationContext<ExecutionResult> context = limit.beginExecuteOperation(parameters, state); // throws if over
        passed.put(key, Boolean.TRUE);
        return context;
    }

    /**
     * An operation that asks only for the schema (__schema, __type, __typename): the standard introspection queries of
     * graphql-js and graphql-java are 13 to 15 fields deep, and GraphiQL and every client tool send them. Their
     * answer is bounded by the schema, and graphql-java's good-faith introspection check (on by default) refuses
     * the nested or repeated introspection that could make it large.
     */
    static boolean introspectionOnly(OperationDefinition operation) {
        return operation.getOperation() == OperationDefinition.Operation.QUERY
                && operation.getSelectionSet().getSelections().stream()
                .allMatch(s -> s instanceof Field f && f.getName().startsWith("__"));
    }
}
