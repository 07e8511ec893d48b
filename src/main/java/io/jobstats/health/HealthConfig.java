package io.jobstats.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "jobstats.health")
public interface HealthConfig {

    /** How long a probe waits for the database to answer SELECT 1: a probe always answers within about this. */
    @WithDefault("PT2S")
    Duration databaseTimeout();

    /**
     * How long the database may stay unreachable before liveness reports the service as no longer working, so that
     * the platform restarts it (fresh connections, fresh name resolution). Readiness goes down at once; PT0S: never.
     */
    @WithDefault("PT5M")
    Duration maxOutage();
}
