package io.jobstats.graphql;

import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import io.smallrye.graphql.api.ErrorCode;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;

import static io.quarkus.jsonp.JsonProviderHolder.jsonProvider;

/**
 * The {@code extensions.code} an error will have. During execution a resolver's exception is not yet an error with
 * extensions (SmallRye adds them when it writes the response), so the code is read from the exception's
 * {@link ErrorCode} then.
 */
public final class ErrorCodes {

    static final String INTERNAL = "INTERNAL_SERVER_ERROR";

    private ErrorCodes() {
    }

    public static String of(GraphQLError error) {
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        if (code != null) {
            return code.toString();
        }
        return error instanceof ExceptionWhileDataFetching fetching ? of(fetching.getException()) : null;
    }

    /**
     * The response with a code on every error: SmallRye codes an exception without {@link ErrorCode} after its
     * class ("illegal-state"), and graphql-java's own errors (a null in a non-null field) have none; all of those are
     * the service's failures, INTERNAL_SERVER_ERROR. The JSON errors are the result's, in the same order.
     */
    static JsonObject complete(JsonObject response, List<GraphQLError> errors) {
        JsonArray written = response.getJsonArray("errors");
        if (written == null || written.isEmpty()) {
            return response;
        }
        JsonArrayBuilder coded = jsonProvider().createArrayBuilder();
        for (int i = 0; i < written.size(); i++) {
            JsonObject error = written.getJsonObject(i);
            String code = i < errors.size() ? of(errors.get(i)) : null;
            JsonObjectBuilder extensions = jsonProvider().createObjectBuilder(
                    error.containsKey("extensions") ? error.getJsonObject("extensions") : JsonValue.EMPTY_JSON_OBJECT);
            extensions.add("code", code != null ? code : INTERNAL);
            coded.add(jsonProvider().createObjectBuilder(error).add("extensions", extensions));
        }
        return jsonProvider().createObjectBuilder(response).add("errors", coded).build();
    }

    /** The code an exception (or the first of its causes that has one) is answered with; null when none has. */
    public static String of(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            ErrorCode annotated = t.getClass().getAnnotation(ErrorCode.class);
            if (annotated != null) {
                return annotated.value();
            }
        }
        return null;
    }
}
