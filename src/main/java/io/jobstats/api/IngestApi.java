package io.jobstats.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobstats.ingest.AdIngestService;
import io.jobstats.ingest.LoadReport;
import io.jobstats.security.SecurityConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loading a few ads through GraphQL. Each ad becomes one NDJSON line of the same load as {@code POST /ads}, so the
 * rules, the report and the rejection of a bad ad alone are the same; line N of the report is ads[N - 1].
 */
@GraphQLApi
public class IngestApi {

    static final int MAX_ADS = 1000;

    @Inject
    AdIngestService ingest;

    @Inject
    ObjectMapper mapper;

    @Inject
    SecurityIdentity identity;

    @Mutation
    @Description("Loads up to 1,000 ads (AD-FORMAT.md); larger loads go to POST /ads. Needs a bearer token with the role "
            + "loader. Answers the load report.")
    public @NonNull LoadReport loadAds(@NonNull List<@NonNull AdInput> ads) {
        if (identity.isAnonymous()) {
            throw new UnauthenticatedException("loadAds needs a bearer token with the role " + SecurityConfig.LOADER);
        }
        if (!identity.hasRole(SecurityConfig.LOADER)) {
            throw new ForbiddenException("loadAds needs the role " + SecurityConfig.LOADER + "; this token has "
                    + (identity.getRoles().isEmpty() ? "no role" : "only " + String.join(", ", identity.getRoles())));
        }
        if (ads.size() > MAX_ADS) {
            throw new BadUserInputException("ads", "at most " + MAX_ADS + " ads per mutation, not " + ads.size()
                    + "; send larger loads to POST /ads");
        }
        StringBuilder ndjson = new StringBuilder();
        for (AdInput ad : ads) {
            try {
                ndjson.append(mapper.writeValueAsString(ad)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("An input object could not be written as JSON", e);
            }
        }
        return ingest.load(new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)),
                AdIngestService.Format.NDJSON);
    }

    /** As AD-FORMAT.md: dates and the employment type as text, so that a bad one rejects its ad alone. */
    @Name("AdInput")
    @RegisterForReflection
    public static class AdInput {
        @NonNull public String source;
        @NonNull public String sourceId;
        @NonNull public String title;
        public String description;
        @NonNull public String location;
        @Description("PERMANENT or CONTRACT")
        @NonNull public String employment;
        @Description("YYYY-MM-DD")
        @NonNull public String postedOn;
        @Description("YYYY-MM-DD, not before postedOn")
        public String closesOn;
        public SalaryInput salary;
        public String salaryText;
        public List<String> skills;
        public String company;
    }

    @Name("SalaryInput")
    @RegisterForReflection
    public static class SalaryInput {
        public Double min;
        public Double max;
        @Description("YEAR, MONTH, WEEK, DAY or HOUR")
        public String period;
        @Description("ISO 4217; default GBP")
        public String currency;
    }
}
