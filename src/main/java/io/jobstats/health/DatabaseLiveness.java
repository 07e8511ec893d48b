package io.jobstats.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless the database has been unreachable for longer than jobstats.health.max-outage: a short outage only
 * takes the pod out of service (readiness), and it recovers by itself when the database returns; a long one asks the
 * platform for a restart.
 */
@Liveness
@ApplicationScoped
public class DatabaseLiveness implements HealthCheck {

    @Inject
    DatabaseProbe probe;

    @Override
    public HealthCheckResponse call() {
        // Liveness is asked often and must stay cheap: the readiness probe's finding serves while it is fresh.
        DatabaseProbe.State s = probe.recent(Duration.ofSeconds(10));
        HealthCheckResponseBuilder b = HealthCheckResponse.named("database-outage");
        if (probe.outageTooLong(s)) {
            return b.down().withData("error", s.error()).withData("unreachableSince", s.unreachableSince().toString()).build();
        }
        return s.reachable() ? b.up().build() : b.up().withData("unreachableSince", s.unreachableSince().toString()).build();
    }
}
