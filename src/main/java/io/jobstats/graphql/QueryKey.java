package io.jobstats.graphql;

import graphql.execution.ExecutionContext;

import java.util.Map;

/** What a query's result depends on besides the data: its text, the operation run and the variables' values. */
record QueryKey(String query, String operationName, Map<String, Object> variables) {

    static QueryKey of(ExecutionContext context) {
        return new QueryKey(context.getExecutionInput().getQuery(), context.getExecutionInput().getOperationName(),
                context.getCoercedVariables().toMap());
    }
}
