package io.jobstats.health;

import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestAds;
import io.jobstats.TestTokens;
import io.jobstats.market.ReferencePageTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator sees: load counters and timers, gauges of what is held, GraphQL operations and errors, caches, pools, a log line per load. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ObservabilityTest {

    private static final String SOURCE = "observability";

    @AfterAll
    static void removeOwnAds() {
        TestAds.remove(SOURCE);
    }

    @Inject
    DataSource dataSource;

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the first sample of {@code name} whose labels include all of {@code labels}; 0 when there is none. */
    private static double sample(String metrics, String name, String... labels) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{([^}]*)})? ([0-9.E+-]+|NaN)(?: #.*)?$", Pattern.MULTILINE).matcher(metrics);
        while (m.find()) {
            boolean all = true;
            for (String l : labels) {
                all &= m.group(1) != null && m.group(1).contains(l);
            }
            if (all) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    @Test
    void loadsAreCountedTimedAndLogged() throws SQLException {
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            public void publish(LogRecord r) {
                logged.add(r);
            }

            public void flush() {
            }

            public void close() {
            }
        };
        Logger.getLogger("io.jobstats.ads.LoadMetrics").addHandler(capture);
        String before = metrics();
        String ads = "{\"source\":\"" + SOURCE + "\",\"sourceId\":\"1\",\"title\":\"Data Engineer\",\"location\":\"York\","
                + "\"employment\":\"PERMANENT\",\"postedOn\":\"2014-02-01\"}\n"
                + "{\"source\":\"" + SOURCE + "\",\"sourceId\":\"2\",\"title\":\"Data Engineer\",\"location\":\"York\","
                + "\"employment\":\"PERMANENT\",\"postedOn\":\"2014-02-02\"}\nnot json\n";
        try {
            TestTokens.asLoader().contentType("application/x-ndjson").body(ads.getBytes(StandardCharsets.UTF_8)).post("/ads")
                    .then().statusCode(200);
        } finally {
            Logger.getLogger("io.jobstats.ads.LoadMetrics").removeHandler(capture);
        }
        String after = metrics();
        String ndjson = "format=\"ndjson\"";
        assertEquals(3, sample(after, "jobstats_ads_read_total", ndjson) - sample(before, "jobstats_ads_read_total", ndjson));
        assertEquals(2, sample(after, "jobstats_ads_added_total", ndjson) - sample(before, "jobstats_ads_added_total", ndjson));
        assertEquals(1, sample(after, "jobstats_ads_rejected_total", ndjson) - sample(before, "jobstats_ads_rejected_total", ndjson));
        assertEquals(1, sample(after, "jobstats_load_duration_seconds_count", ndjson, "outcome=\"completed\"")
                - sample(before, "jobstats_load_duration_seconds_count", ndjson, "outcome=\"completed\""));
        assertEquals(count("SELECT count(*) FROM ad_fact"), sample(after, "jobstats_ads_held"));
        assertEquals(count("SELECT version FROM data_version"), sample(after, "jobstats_data_version"));
        assertTrue(logged.stream().anyMatch(r -> r.getLevel().intValue() == Level.INFO.intValue()
                        && ((org.jboss.logmanager.ExtLogRecord) r).getFormattedMessage()
                        .contains("3 lines read, 2 ads added, 0 replaced, 1 rejected")),
                "one INFO line with the load's summary");
    }

    @Test
    void graphqlOperationsAreTimedWithTheirErrors() {
        String ok = "{\"operationName\":\"ObsCategories\",\"query\":\"query ObsCategories { categories { name } }\"}";
        String missing = "{\"operationName\":\"ObsMissing\",\"query\":\"query ObsMissing { role(name: \\\"No Such Role\\\") { name } }\"}";
        String before = metrics();
        for (String body : new String[]{ok, ok, missing}) {
            given().contentType("application/json").body(body).post("/graphql").then().statusCode(200);
        }
        String after = metrics();
        String[] executed = {"operation=\"ObsCategories\"", "outcome=\"success\"", "type=\"query\"", "served=\"execution\""};
        String[] fromBytes = {"operation=\"ObsCategories\"", "outcome=\"success\"", "served=\"response-bytes\""};
        String[] failed = {"operation=\"ObsMissing\"", "outcome=\"error\""};
        assertEquals(1, sample(after, "graphql_operations_seconds_count", executed) - sample(before, "graphql_operations_seconds_count", executed));
        assertEquals(1, sample(after, "graphql_operations_seconds_count", fromBytes) - sample(before, "graphql_operations_seconds_count", fromBytes));
        assertEquals(1, sample(after, "graphql_operations_seconds_count", failed) - sample(before, "graphql_operations_seconds_count", failed));
        assertEquals(1, sample(after, "graphql_errors_total", "code=\"NOT_FOUND\"") - sample(before, "graphql_errors_total", "code=\"NOT_FOUND\""));
    }

    @Test
    void everyCacheAndBothPoolsReport() {
        given().contentType("application/json").body(Map.of("query", ReferencePageTest.PAGE)).post("/graphql").then().statusCode(200);
        String metrics = metrics();
        for (String cache : List.of("market-latest-posted", "market-term-counts", "market-category-counts", "market-universe",
                "market-universe-salaries", "market-term-salaries", "market-term-salaries-by-child",
                "market-term-family-points", "market-live-jobs-by-child", "market-co-occurrences",
                "market-vacancy-trend", "market-salary-trend", "graphql-responses", "graphql-response-bytes")) {
            assertTrue(metrics.contains("cache_gets_total{cache=\"" + cache + "\""), cache + " reports its hits and misses");
        }
        assertTrue(metrics.contains("agroal_active_count{datasource=\"read\"}"), "the read pool reports");
        assertTrue(metrics.contains("agroal_active_count{datasource=\"default\"}"), "the write pool reports");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
