package io.jobstats.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jobstats.ingest")
public interface IngestConfig {

    /** Ads per transaction: large enough for COPY to pay off, small enough that a failure loses little. */
    @WithDefault("5000")
    int batchSize();

    /** How many rejected lines a report lists; all are counted. */
    @WithDefault("50")
    int maxReportedRejections();
}
