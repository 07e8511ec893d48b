/**
 * How ads get in, by both write paths: POST /ads (AdsResource: NDJSON or CSV, streamed) and the loadAds mutation
 * (IngestApi) share one load (AdIngestService): each line checked against docs/ad-format.md (AdValidator),
 * normalised (title to role, location to region, salary to a point, text to skills), written in batches by COPY
 * (AdWriter), counted (the counts package), reported (LoadReport) and kept in the load history (LoadRecord). The
 * ad's own domain types live here: Employment, PayPeriod, Salary.
 */
package io.jobstats.ads;
