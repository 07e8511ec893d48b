package io.jobstats.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web client's page addresses that are not files: {@code /terms/{slug}} is term.html, which reads the slug from
 * its address. The pages themselves are static files under META-INF/resources, served by Quarkus.
 */
@ApplicationScoped
public class WebClientRoutes {

    void route(@Observes Router router) {
        router.getWithRegex("/terms/[^/]+/?").handler(ctx -> ctx.reroute("/term.html"));
    }
}
