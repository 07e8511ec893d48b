package io.jobstats.ads;

import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestAds;
import io.jobstats.TestTokens;
import io.jobstats.ads.RejectionCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * loadAds takes typed input in the conventional shape (one input object, a payload with userErrors) and the
 * documented 1,000 ads, inline or as variables; what the schema can tell is refused before anything loads.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IngestApiTest {

    private static final String MUTATION = "mutation Load($input: LoadAdsInput!) { loadAds(input: $input) { "
            + "report { linesRead adsAdded linesRejected } userErrors { field message code } } }";

    @AfterAll
    static void removeOwnAds() {
        TestAds.remove("ingest-api-%");
    }

    @Inject
    DataSource dataSource;

    private static Map<String, Object> ad(String source, int i) {
        Map<String, Object> ad = new HashMap<>();
        ad.put("source", source);
        ad.put("sourceId", "ad-" + i);
        ad.put("title", "Python Developer");
        ad.put("location", "Nottingham");
        ad.put("employment", i % 2 == 0 ? "PERMANENT" : "CONTRACT");
        ad.put("postedOn", "2024-0" + (1 + i % 9) + "-1" + (i % 10));
        ad.put("salary", i % 2 == 0 ? Map.of("min", 40_000 + i, "max", 50_000 + i, "period", "YEAR")
                : Map.of("min", 400, "period", "DAY", "currency", "GBP"));
        ad.put("skills", List.of("Django", "PostgreSQL"));
        return ad;
    }

    /** The same ad written as a GraphQL input object literal, as a client would inline it. */
    private static String literal(Map<String, Object> ad) {
        return ad.entrySet().stream().map(e -> e.getKey() + ": " + value(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    @SuppressWarnings("unchecked")
    private static String value(String key, Object v) {
        if (v instanceof Map<?, ?> m) {
            return literal((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> "\"" + x + "\"").collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof String s && !(key.equals("employment") || key.equals("period") && !s.contains("-"))) {
            return "\"" + s + "\"";
        }
        return v.toString();
    }

    private static ValidatableResponse load(String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        return TestTokens.asLoader().contentType("application/json").body(body).post("/graphql").then();
    }

    private long stored(String source) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM ad WHERE source = ?")) {
            s.setString(1, source);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void thousandAdsLoadInline() throws SQLException {
        String ads = IntStream.range(0, 1000).mapToObj(i -> literal(ad("ingest-api-inline", i))).collect(Collectors.joining(",\n"));
        String mutation = "mutation { loadAds(input: {ads: [\n" + ads + "\n]}) { report { linesRead adsAdded linesRejected } "
                + "userErrors { field } } }";
        load(mutation, null).statusCode(200).body("errors", nullValue())
                .body("data.loadAds.report.linesRead", equalTo(1000)).body("data.loadAds.report.adsAdded", equalTo(1000))
                .body("data.loadAds.userErrors", hasSize(0));
        assertEquals(1000, stored("ingest-api-inline"));
    }

    @Test
    void thousandAdsLoadAsVariables() throws SQLException {
        List<Map<String, Object>> ads = IntStream.range(0, 1000).mapToObj(i -> ad("ingest-api-variables", i)).toList();
        load(MUTATION, Map.of("input", Map.of("ads", ads))).statusCode(200).body("errors", nullValue())
                .body("data.loadAds.report.adsAdded", equalTo(1000)).body("data.loadAds.userErrors", hasSize(0));
        assertEquals(1000, stored("ingest-api-variables"));
    }

    @Test
    void moreThanAThousandIsAUserError() throws SQLException {
        List<Map<String, Object>> ads = IntStream.range(0, 1001).mapToObj(i -> ad("ingest-api-too-many", i)).toList();
        load(MUTATION, Map.of("input", Map.of("ads", ads))).statusCode(200).body("errors", nullValue())
                .body("data.loadAds.report", nullValue())
                .body("data.loadAds.userErrors[0].code", equalTo("TOO_MANY_ADS"))
                .body("data.loadAds.userErrors[0].field", contains("input", "ads"));
        assertEquals(0, stored("ingest-api-too-many"));
    }

    @Test
    void aBadAdIsAUserErrorAtItsPathAndTheOthersLoad() throws SQLException {
        List<Map<String, Object>> ads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ads.add(ad("ingest-api-user-errors", i));
        }
        ads.get(1).put("salary", Map.of("min", 60_000, "max", 50_000, "period", "YEAR"));
        ads.get(2).put("title", "x".repeat(301));
        load(MUTATION, Map.of("input", Map.of("ads", ads))).statusCode(200).body("errors", nullValue())
                .body("data.loadAds.report.adsAdded", equalTo(1)).body("data.loadAds.report.linesRejected", equalTo(2))
                .body("data.loadAds.userErrors.field", contains(List.of("input", "ads", "1", "salary", "min"),
                        List.of("input", "ads", "2", "title")))
                .body("data.loadAds.userErrors.code", contains("INCONSISTENT", "TOO_LONG"))
                .body("data.loadAds.userErrors[0].message", equalTo("salary min 60000 is above max 50000"));
        assertEquals(1, stored("ingest-api-user-errors"));
    }

    @Test
    void whatTheSchemaCanTellIsRefusedBeforeAnythingLoads() throws SQLException {
        // A date that is no date, inline: a validation error, and no data.
        Map<String, Object> ad = ad("ingest-api-typed", 0);
        String inline = "mutation { loadAds(input: {ads: [" + literal(ad).replace("\"2024-01-10\"", "\"2024-02-30\"")
                + "]}) { report { adsAdded } } }";
        load(inline, null).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", containsString("postedOn"));
        // The same through variables, and an employment type that does not exist: BAD_USER_INPUT, and no data.
        ad.put("employment", "TEMPORARY");
        load(MUTATION, Map.of("input", Map.of("ads", List.of(ad)))).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("TEMPORARY"))
                .body("errors[0].message", org.hamcrest.Matchers.not(containsString("io.jobstats")));
        assertEquals(0, stored("ingest-api-typed"));
    }

    @Test
    void everyRejectionHasAUserErrorCode() {
        for (RejectionCode code : RejectionCode.values()) {
            assertEquals(code.name(), IngestApi.LoadAdsErrorCode.of(code).name());
        }
    }
}
