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

    /**
     * The fewest half months a recount must cover to set the term indexes aside while it runs and build them again
     * after (TermIndexes): at 10M ads each half month then costs 1-3 s less and the builds ~40 s once, so from a few
     * dozen half months on it pays; both scale with the data, so the threshold does not. Set it above the half months
     * held (e.g. 1000000) never to set them aside.
     */
    @WithDefault("48")
    int termIndexesAsideFrom();
}
