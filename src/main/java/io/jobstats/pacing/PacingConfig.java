package io.jobstats.pacing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jobstats.pacing")
public interface PacingConfig {

    /**
     * How long background work (a load's batch, the recount of a half month) waits after a step during which
     * GraphQL queries were being answered, as a multiple of the step's own time: 1 leaves the readers the cores for
     * at least as long as the work took them, so a load runs at half its speed or more while pages are served, and at
     * full speed when none are. 0 never waits; at most 100.
     */
    @WithDefault("1.0")
    double yieldToReads();
}
