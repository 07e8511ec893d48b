package io.jobstats.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** What a load did, as AD-FORMAT.md asks: every count, and the first rejected lines with their reasons. */
@RegisterForReflection
public record LoadReport(long linesRead, long adsAdded, long adsReplaced, long linesRejected,
                         List<Rejection> rejections, long unrecognisedTitles, long unresolvedLocations,
                         long withoutValidSalary, long unknownSkills, boolean completed, String error) {

    @RegisterForReflection
    public record Rejection(long line, String reason) {
    }
}
