package io.jobstats.pacing;

import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestAds;
import io.jobstats.TestRows;
import io.jobstats.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads give way to readers: GraphQL queries are counted as reads (mutations are not), and a load while a read is in
 * flight waits after each batch and each half month it recounts, storing every ad all the same.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PacingTest {

    private static final String SOURCE = "pacing";

    @AfterAll
    static void removeOwnAds() {
        TestAds.remove(SOURCE, SOURCE + "-%");
    }

    @Inject
    ReadActivity reads;

    @Inject
    MeterRegistry registry;

    @Inject
    DataSource dataSource;

    @Test
    void queriesAreReadsAndMutationsAreNot() {
        long before = reads.mark();
        Response r = given().contentType("application/json").body(Map.of("query", "{ regions { slug } }"))
                .post("/graphql");
        assertNull(r.path("errors"), r.asString());
        assertTrue(reads.busySince(before), "a query was answered");
        long afterQuery = reads.mark();
        assertFalse(reads.busySince(afterQuery), "and is no longer in flight");
        TestTokens.asLoader().contentType("application/json").body(Map.of("query",
                        "mutation { loadAds(input: {ads: [{source: \"" + SOURCE + "-mutation\", sourceId: \"1\", "
                                + "title: \"Data Engineer\", location: \"York\", employment: PERMANENT, "
                                + "postedOn: \"2011-02-01\"}]}) { report { adsAdded } } }"))
                .post("/graphql").then().statusCode(200);
        assertFalse(reads.busySince(afterQuery), "a mutation is not a read");
    }

    @Test
    void aLoadWaitsAfterEachBatchWhileReadsAreServed() throws SQLException {
        // 350 ads in batches of 100 (the test profile's): four batches, four waits; then the recount of the two
        // half months they fall in, a wait after each.
        double loadWaits = waits("load");
        double recountWaits = waits("recount");
        double waited = waitedSeconds("load") + waitedSeconds("recount");
        reads.begin();
        try {
            TestAds.loadLeedsBackendAds(SOURCE, 350, LocalDate.of(2011, 3, 1), 20);
        } finally {
            reads.end();
        }
        assertEquals(4, waits("load") - loadWaits);
        assertEquals(2, waits("recount") - recountWaits);
        assertTrue(waitedSeconds("load") + waitedSeconds("recount") > waited);
        assertEquals(List.of("350|"), TestRows.of(dataSource,
                "SELECT count(*) FROM ad_fact WHERE ad_id IN (SELECT id FROM ad WHERE source = '" + SOURCE + "')"));

        // The same without a read in flight: no wait.
        loadWaits = waits("load");
        recountWaits = waits("recount");
        TestAds.loadLeedsBackendAds(SOURCE + "-alone", 350, LocalDate.of(2011, 3, 1), 20);
        assertEquals(0, waits("load") - loadWaits);
        assertEquals(0, waits("recount") - recountWaits);
    }

    private double waits(String work) {
        Timer t = registry.find("jobstats.pacing.waits").tag("work", work).timer();
        return t == null ? 0 : t.count();
    }

    private double waitedSeconds(String work) {
        Timer t = registry.find("jobstats.pacing.waits").tag("work", work).timer();
        return t == null ? 0 : t.totalTime(TimeUnit.SECONDS);
    }
}
