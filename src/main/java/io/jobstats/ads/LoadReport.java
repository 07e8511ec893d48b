package io.jobstats.ads;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** What a load did, as docs/ad-format.md asks: every count, and the first rejected lines with their reasons. */
@RegisterForReflection
@Description("What a load did: every count, and the first rejected lines with their reasons.")
public record LoadReport(
        @Description("Lines (ads) read, blank lines not counted.") int linesRead,
        @Description("Ads stored that were not held before.") int adsAdded,
        @Description("Ads stored in place of one held with the same source and sourceId.") int adsReplaced,
        @Description("Lines not loaded: each broke a rule of the ad format.") int linesRejected,
        @Description("The first rejected lines (50 by default), in the order read.") @NonNull List<@NonNull Rejection> rejections,
        @Description("Ads loaded whose title names no known role: counted in all-ads figures only.") int unrecognisedTitles,
        @Description("Ads loaded whose location did not resolve: counted in the regions above the part that did, or UK only.") int unresolvedLocations,
        @Description("Ads loaded without a valid salary point: counted in vacancies, not in salary figures.") int withoutValidSalary,
        @Description("Skills given in ads' skills lists that match no known term (ignored).") int unknownSkills,
        @Description("Whether the whole input was read; false when the load stopped early (see error).") boolean completed,
        @Description("Why the load stopped or was refused; null when it completed.") String error) {

    /** The input was refused before any line of it was read (e.g. a CSV header without the required columns). */
    @Ignore
    @JsonIgnore
    public boolean refused() {
        return !completed && linesRead == 0 && adsAdded == 0 && adsReplaced == 0;
    }

    @RegisterForReflection
    @Description("A line (or, through loadAds, an ad) that was not loaded, and why.")
    public record Rejection(
            @Description("The line's number, from 1; through loadAds, the ad's position in ads plus 1.") int line,
            @Description("The field at fault (\"postedOn\", \"salary.min\"); null when it is the line as a whole.") String field,
            @Description("What kind of fault; null in loads recorded before faults had codes.") RejectionCode code,
            @Description("What is wrong, in words.") @NonNull String reason) {

        public static Rejection of(long line, RejectionCode code, String reason) {
            return new Rejection(Math.toIntExact(line), null, code, reason);
        }
    }
}
