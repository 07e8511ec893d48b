package io.jobstats.market;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the figures' aggregates are computed ahead of the fields that read them (Prefetch). */
@ConfigMapping(prefix = "jobstats.market")
public interface MarketConfig {

    /**
     * Beyond this many child regions a locations table is left to compute its rows' counts as it reaches them:
     * starting them all at once would queue dozens of aggregations for one request.
     */
    @WithDefault("12")
    int maxPrefetchedChildren();
}
