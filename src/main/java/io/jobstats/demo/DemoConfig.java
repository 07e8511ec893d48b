package io.jobstats.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jobstats.demo")
public interface DemoConfig {

    /** Set by JobstatsMain when it starts the embedded database; never on by default with a real one. */
    @WithDefault("false")
    boolean enabled();

    @WithDefault("20250502")
    long seed();

    @WithDefault("150000")
    int ads();
}
