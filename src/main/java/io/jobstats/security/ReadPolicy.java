package io.jobstats.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The HTTP permission policy of the read paths ({@code quarkus.http.auth.permission.read}): public, or a token with
 * the role reader or loader when {@code jobstats.security.readers-need-role} is set. It runs before any handler of
 * those paths, the response caches' included.
 */
@ApplicationScoped
public class ReadPolicy implements HttpSecurityPolicy {

    @Inject
    SecurityConfig config;

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext requestContext) {
        if (!config.readersNeedRole()) {
            return CheckResult.permit();
        }
        return identity.map(id -> id.hasRole(SecurityConfig.READER) || id.hasRole(SecurityConfig.LOADER)
                ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return "jobstats-read";
    }
}
