package io.jobstats.counts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jobstats.counts")
public interface CountsConfig {

    /**
     * Whether salary_count's rows are written in the compact encoding (PointsEncoding), and rows an earlier release
     * kept in fixed pairs rewritten so in the background after start-up. Pods of releases before it read fixed pairs
     * only: while such a pod shares the database (a rolling update from one), set this false, so that the new pods
     * write fixed pairs too (they read either), and set it true once the old pods are gone.
     */
    @WithDefault("true")
    boolean compactSalaryRows();
}
