package io.jobstats.api;

import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import io.smallrye.graphql.api.ErrorCode;

/**
 * The {@code extensions.code} an error will have. During execution a resolver's exception is not yet an error with
 * extensions (SmallRye adds them when it writes the response), so the code is read from the exception's
 * {@link ErrorCode} then.
 */
final class ErrorCodes {

    private ErrorCodes() {
    }

    static String of(GraphQLError error) {
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        if (code != null) {
            return code.toString();
        }
        return error instanceof ExceptionWhileDataFetching fetching ? of(fetching.getException()) : null;
    }

    /** The code an exception (or the first of its causes that has one) is answered with; null when none has. */
    static String of(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            ErrorCode annotated = t.getClass().getAnnotation(ErrorCode.class);
            if (annotated != null) {
                return annotated.value();
            }
        }
        return null;
    }
}
