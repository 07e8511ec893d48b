package io.jobstats.graphql;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/** The HTTP request a GraphQL execution serves; null outside one (no active request context). */
final class CurrentRequest {

    private CurrentRequest() {
    }

    static RoutingContext get() {
        return Arc.container().requestContext().isActive()
                ? Arc.container().instance(CurrentVertxRequest.class).get().getCurrent() : null;
    }
}
