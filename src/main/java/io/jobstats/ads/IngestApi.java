package io.jobstats.ads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobstats.api.ApiConfig;
import io.jobstats.api.ApiSupport;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loading a few ads through GraphQL. Each ad becomes one NDJSON line of the same load as {@code POST /ads}, so the
 * rules, the report and the rejection of a bad ad alone are the same; line N of the report is ads[N - 1], and each
 * rejection is also a user error whose field is the path to what is wrong: ["input", "ads", "2", "postedOn"].
 */
@GraphQLApi
public class IngestApi {

    @Inject
    AdIngestService ingest;

    @Inject
    ObjectMapper mapper;

    @Inject
    SecurityIdentity identity;

    @Inject
    ApiConfig limits;

    @Mutation
    @Description("Loads up to 1,000 ads (docs/ad-format.md); larger loads go to POST /ads. Needs a bearer token with the "
            + "role loader. A bad ad is rejected alone and reported in userErrors; the others load.")
    public @NonNull LoadAdsPayload loadAds(@NonNull @Description("The ads to load.") LoadAdsInput input) {
        ApiSupport.requireLoader(identity, "loadAds");
        if (input.ads.size() > limits.maxAdsPerMutation()) {
            return new LoadAdsPayload(null, List.of(new UserError(List.of("input", "ads"), "at most " + limits.maxAdsPerMutation()
                    + " ads per mutation, not " + input.ads.size() + "; send larger loads to POST /ads", LoadAdsErrorCode.TOO_MANY_ADS)));
        }
        StringBuilder ndjson = new StringBuilder();
        for (AdInput ad : input.ads) {
            try {
                ndjson.append(mapper.writeValueAsString(ad)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("An input object could not be written as JSON", e);
            }
        }
        LoadReport report = ingest.load(new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)),
                AdIngestService.Format.NDJSON);
        List<UserError> errors = new ArrayList<>();
        for (LoadReport.Rejection r : report.rejections()) {
            List<String> field = new ArrayList<>(List.of("input", "ads", Integer.toString(r.line() - 1)));
            if (r.field() != null) {
                field.addAll(Arrays.asList(r.field().split("\\.")));
            }
            errors.add(new UserError(field, r.reason(), LoadAdsErrorCode.of(r.code())));
        }
        return new LoadAdsPayload(report, errors);
    }

    @Name("LoadAdsInput")
    @Description("The input of loadAds.")
    @RegisterForReflection
    public static class LoadAdsInput {
        @Description("1 to 1,000 ads.")
        @NonNull public List<@NonNull AdInput> ads;
    }

    @Name("LoadAdsPayload")
    @Description("What loadAds did.")
    public record LoadAdsPayload(
            @Description("The load's report; null when nothing was loaded because the input was refused (see userErrors).") LoadReport report,
            @Description("What was wrong with the input, one per rejected ad (the first 50) or for the whole input.")
            @NonNull List<@NonNull UserError> userErrors) {
    }

    @Name("LoadAdsUserError")
    @Description("A fault in the input of loadAds, where it is and what kind.")
    public record UserError(
            @Description("The path to the input field at fault, e.g. [\"input\", \"ads\", \"2\", \"postedOn\"].") List<@NonNull String> field,
            @Description("What is wrong, in words.") @NonNull String message,
            @Description("What kind of fault.") @NonNull LoadAdsErrorCode code) {
    }

    @Description("The kinds of fault loadAds reports.")
    public enum LoadAdsErrorCode {
        @Description("More ads than one mutation takes.") TOO_MANY_ADS,
        @Description("A required field is missing or blank.") REQUIRED,
        @Description("A field is longer than allowed.") TOO_LONG,
        @Description("A field has the wrong format.") MALFORMED,
        @Description("A field's value is not one of those allowed.") INVALID_VALUE,
        @Description("A date or amount lies outside the range accepted.") OUT_OF_RANGE,
        @Description("Two fields disagree: closesOn before postedOn, salary min above max.") INCONSISTENT;

        static LoadAdsErrorCode of(RejectionCode code) {
            return valueOf(code.name()); // the same names; IngestApiTest checks every one
        }
    }

    /** One ad, as docs/ad-format.md describes it. */
    @Name("AdInput")
    @Description("One job ad (docs/ad-format.md).")
    @RegisterForReflection
    public static class AdInput {
        @Description("Who the ad comes from, e.g. a job board's name; with sourceId, the ad's identity. Up to 64 characters.")
        @NonNull public String source;
        @Description("The ad's id at its source; an ad loaded again with the same source and sourceId replaces the one held. Up to 128 characters.")
        @NonNull public String sourceId;
        @Description("The job title as advertised, up to 300 characters; its role is recognised from it.")
        @NonNull public String title;
        @Description("The ad's text, up to 100,000 characters; its skills are found in it and in the title.")
        public String description;
        @Description("Where the job is, as advertised (a town, an authority, a postcode area, \"Remote\"), up to 200 characters.")
        @NonNull public String location;
        @Description("Permanent or contract.")
        @NonNull public Employment employment;
        @Description("The day the ad was posted, from the earliest day accepted to tomorrow.")
        @NonNull public LocalDate postedOn;
        @Description("The day applications close; not before postedOn.")
        public LocalDate closesOn;
        @Description("The salary as structured figures; when absent, salaryText is parsed.")
        public SalaryInput salary;
        @Description("The salary as advertised, up to 200 characters (\"£22k - £25k per annum\", \"£450/day\").")
        public String salaryText;
        @Description("Terms the source already tagged; added to those found in the text. Unknown names are ignored and counted.")
        public List<@NonNull String> skills;
        @Description("The employer's name, up to 200 characters.")
        public String company;
    }

    @Name("SalaryInput")
    @Description("A salary or rate range: at least one of min and max, min not above max.")
    @RegisterForReflection
    public static class SalaryInput {
        @Description("The lower end, a non-negative amount per period.")
        public Double min;
        @Description("The upper end, a non-negative amount per period.")
        public Double max;
        @Description("What the amounts are per.")
        @NonNull public PayPeriod period;
        @Description("ISO 4217 code; default GBP. Only GBP amounts feed salary figures.")
        public String currency;
    }
}
