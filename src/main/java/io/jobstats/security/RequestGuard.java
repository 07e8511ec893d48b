package io.jobstats.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.jobstats.graphql.GraphQLEndpoint;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Set;

/**
 * Refuses, before any handler reads a body, what no client of this service sends and a hostile page can: a GraphQL
 * POST in a type a browser sends cross-site without a preflight (text/plain, the form encodings) or in any other type
 * than application/json and application/graphql, and a body in a Content-Encoding the server does not decode
 * (gzip and deflate are decoded by quarkus.http.enable-decompression). Both answer 415 with a JSON error.
 */
@ApplicationScoped
public class RequestGuard {

    private static final Set<String> GRAPHQL_TYPES = Set.of("application/json", "application/graphql");
    private static final Set<String> DECODED = Set.of("identity", "gzip", "x-gzip", "deflate", "x-deflate");

    @Inject
    GraphQLEndpoint endpoint;

    /** Order -3: before the GraphQL endpoint (GraphQLRoute, -1), after Quarkus' own first handlers. */
    void route(@Observes Router router) {
        router.route().order(-3).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String encoding = ctx.request().getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !DECODED.contains(encoding.trim().toLowerCase(Locale.ROOT))) {
            refuse(ctx, "Content-Encoding '" + encoding + "' is not supported; send the body as it is, gzip or deflate");
            return;
        }
        if (ctx.request().method() == HttpMethod.POST && ctx.normalizedPath().equals(endpoint.path())) {
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (!graphqlType(type)) {
                refuse(ctx, "Send GraphQL requests as application/json (or a document as application/graphql), not '"
                        + (type == null ? "no Content-Type" : type) + "'");
                return;
            }
        }
        ctx.next();
    }

    /**
     * JSON or a GraphQL document. GraphiQL's fetcher sets the header twice, which browsers send joined
     * ("application/json, application/json"): each of the joined values must be one of the two.
     */
    static boolean graphqlType(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        for (String value : header.split(",")) {
            if (!GRAPHQL_TYPES.contains(value.split(";")[0].trim().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static void refuse(RoutingContext ctx, String message) {
        JsonObject error = new JsonObject().put("message", message)
                .put("extensions", new JsonObject().put("code", "UNSUPPORTED_MEDIA_TYPE"));
        ctx.response().setStatusCode(415).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("errors", new io.vertx.core.json.JsonArray().add(error)).encode());
    }
}
