package io.jobstats.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the database answers: a pod that cannot reach it takes no traffic. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    DatabaseProbe probe;

    @Override
    public HealthCheckResponse call() {
        DatabaseProbe.State s = probe.probe();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("database");
        return s.reachable() ? b.up().build()
                : b.down().withData("error", s.error()).withData("unreachableSince", s.unreachableSince().toString()).build();
    }
}
