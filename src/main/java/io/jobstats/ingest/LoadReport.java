package io.jobstats.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** What a load did, as AD-FORMAT.md asks: every count, and the first rejected lines with their reasons. */
@RegisterForReflection
public record LoadReport(int linesRead, int adsAdded, int adsReplaced, int linesRejected,
                         @NonNull List<@NonNull Rejection> rejections, int unrecognisedTitles, int unresolvedLocations,
                         int withoutValidSalary, int unknownSkills, boolean completed, String error) {

    /** The input was refused before any line of it was read (e.g. a CSV header without the required columns). */
    @Ignore
    @JsonIgnore
    public boolean refused() {
        return !completed && linesRead == 0 && adsAdded == 0 && adsReplaced == 0;
    }

    @RegisterForReflection
    public record Rejection(int line, @NonNull String reason) {
    }
}
