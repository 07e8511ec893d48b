package io.jobstats.graphql;

import graphql.execution.AbortExecutionException;

import java.util.Map;

/** An operation refused before it runs (too deep, too costly), with its {@code extensions.code}. */
final class QueryRefused extends AbortExecutionException {

    private final String code;

    QueryRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", code);
    }
}
