package io.jobstats.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jobstats.ingest")
public interface IngestConfig {

    /**
     * Ads per transaction: large enough for COPY and the batch's term-count rows (a few thousand whatever the size,
     * when the ads' dates are spread) to pay off, small enough that a failure loses little. A batch of ads with
     * 1,500-character descriptions holds ~25 MB while it is parsed and another while it is written. The ingest
     * benchmark (22,282 ads/s) ran with this size.
     */
    @WithDefault("5000")
    int batchSize();

    /** How many rejected lines a report lists; all are counted. */
    @WithDefault("50")
    int maxReportedRejections();
}
