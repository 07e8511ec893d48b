package io.jobstats.graphql;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.util.Locale;

import static io.quarkus.jsonp.JsonProviderHolder.jsonProvider;

/**
 * One GraphQL-over-HTTP request: from a POST's JSON body ({"query", "operationName", "variables", "extensions"}), a
 * POST of an application/graphql document, or a GET's URL parameters of the same names (variables and extensions
 * as JSON text). The query is null when a persisted query is sent by its hash alone.
 */
record GraphQLRequest(boolean get, String query, String operationName, JsonObject variables, JsonObject extensions) {

    /** A request this endpoint cannot read: answered with the status and a coded error before anything runs. */
    static final class Unreadable extends RuntimeException {
        final int status;
        final String code;

        Unreadable(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    static GraphQLRequest read(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.GET) {
            return new GraphQLRequest(true, ctx.queryParams().get("query"), blankToNull(ctx.queryParams().get("operationName")),
                    object(ctx.queryParams().get("variables"), "variables"), object(ctx.queryParams().get("extensions"), "extensions"));
        }
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String body = ctx.body().asString();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/graphql")) {
            return new GraphQLRequest(false, body, null, null, null);
        }
        if (body == null || body.isBlank()) {
            throw new Unreadable(400, "BAD_REQUEST", "The request body is empty; send {\"query\": \"...\"}");
        }
        JsonObject json = parse(body, "The request body");
        JsonValue query = json.get("query");
        if (query != null && query.getValueType() != JsonValue.ValueType.STRING && query.getValueType() != JsonValue.ValueType.NULL) {
            throw new Unreadable(400, "BAD_REQUEST", "query must be a string");
        }
        JsonValue name = json.get("operationName");
        if (name != null && name.getValueType() != JsonValue.ValueType.STRING && name.getValueType() != JsonValue.ValueType.NULL) {
            throw new Unreadable(400, "BAD_REQUEST", "operationName must be a string");
        }
        return new GraphQLRequest(false, query instanceof JsonString s ? s.getString() : null,
                name instanceof JsonString n ? blankToNull(n.getString()) : null,
                member(json, "variables"), member(json, "extensions"));
    }

    GraphQLRequest withQuery(String text) {
        return new GraphQLRequest(get, text, operationName, variables, extensions);
    }

    /** The input SmallRye's execution takes. */
    JsonObject toJson() {
        JsonObjectBuilder b = jsonProvider().createObjectBuilder().add("query", query);
        if (operationName != null) {
            b.add("operationName", operationName);
        }
        if (variables != null) {
            b.add("variables", variables);
        }
        if (extensions != null) {
            b.add("extensions", extensions);
        }
        return b.build();
    }

    /** The hash of an Automatic Persisted Query (extensions.persistedQuery.sha256Hash); null when none is sent. */
    String persistedHash() {
        if (extensions == null || !(extensions.get("persistedQuery") instanceof JsonObject pq)) {
            return null;
        }
        if (!(pq.get("sha256Hash") instanceof JsonString hash)) {
            throw new Unreadable(400, "BAD_REQUEST", "extensions.persistedQuery needs sha256Hash");
        }
        return hash.getString().toLowerCase(Locale.ROOT);
    }

    private static JsonObject member(JsonObject json, String name) {
        JsonValue v = json.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Unreadable(400, "BAD_REQUEST", name + " must be a JSON object");
        }
        return v.asJsonObject();
    }

    private static JsonObject object(String text, String name) {
        return text == null || text.isBlank() ? null : parse(text, name);
    }

    /**
     * A JSON object. Text with raw line breaks or tabs inside its strings (a query pasted from a text block) is not
     * JSON; it is read again with them as spaces, as SmallRye's endpoint does, so such clients keep working.
     */
    private static JsonObject parse(String text, String what) {
        try {
            return readObject(text);
        } catch (JsonParsingException | ClassCastException e) {
            try {
                return readObject(text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
            } catch (JsonParsingException | ClassCastException again) {
                throw new Unreadable(400, "BAD_REQUEST", what + " is not a JSON object: " + e.getMessage());
            }
        }
    }

    private static JsonObject readObject(String text) {
        try (JsonReader r = jsonProvider().createReader(new StringReader(text))) {
            return r.readObject();
        } catch (jakarta.json.JsonException e) {
            throw e instanceof JsonParsingException p ? p : new JsonParsingException(e.getMessage(), null);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
