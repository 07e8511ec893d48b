/**
 * How ads get in: POST /ads (NDJSON or CSV, streamed) and the loadAds mutation share one load (AdIngestService):
 * each line checked against docs/ad-format.md (AdValidator), normalised (title to role, location to region, salary
 * to a point, text to skills), written in batches by COPY (AdWriter), counted, reported (LoadReport) and kept in the
 * load history (LoadRecord).
 */
package io.jobstats.ingest;
