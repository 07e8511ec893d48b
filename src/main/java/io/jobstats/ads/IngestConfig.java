package io.jobstats.ads;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalDate;

@ConfigMapping(prefix = "jobstats.ingest")
public interface IngestConfig {

    /**
     * Ads per transaction: large enough for COPY and the batch's term-count rows (a few thousand whatever the size,
     * when the ads' dates are spread) to pay off, small enough that a failure loses little. A batch of ads with
     * 1,500-character descriptions holds ~25 MB while it is parsed and another while it is written.
     */
    @WithDefault("5000")
    int batchSize();

    /** How many rejected lines a report lists; all are counted. */
    @WithDefault("50")
    int maxReportedRejections();

    /** The earliest postedOn and closesOn accepted; the latest is tomorrow (see CalendarConfig). */
    @WithDefault("2000-01-01")
    LocalDate earliestDate();

    /**
     * The longest NDJSON line or CSV record read, in characters; a longer one is rejected and skipped without being
     * held (an ad's description may be 100,000 characters).
     */
    @WithDefault("1000000")
    int maxLineLength();

    /**
     * Ads a load must add or replace for ad_fact to be vacuumed after it, so that the figures' index-only scans see
     * the new rows as visible at once instead of after autovacuum.
     */
    @WithDefault("10000")
    long vacuumAfter();

    /**
     * Rows of term counts (one per counted region, employment type and half month, ~4.5 KB each) a load sums in memory
     * before it folds its committed batches into term_count mid-load: a load's memory then stays bounded however many
     * years its ads span (ten years of the kept levels, authorities included, are ~120,000 rows: ~540 MB).
     */
    @WithDefault("10000")
    int foldAfterRows();
}
