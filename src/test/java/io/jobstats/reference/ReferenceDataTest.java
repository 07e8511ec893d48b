package io.jobstats.reference;

import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestAds;
import io.jobstats.TestRows;
import io.jobstats.TestTokens;
import io.jobstats.counts.CountRecovery;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a start-up does when the stored reference versions differ from the shipped data's: a change of the kept
 * levels alone empties the kept counts and marks every half month for a recount, and leaves the regions' rows and the
 * ads' positions as they are (at 10M ads moving them is two updates of every ad); a change of the tree rewrites them
 * too. Either way the recount gives back the same counts.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReferenceDataTest {

    private static final String COUNTS =
            "SELECT region_id, employment, bucket, ads, terms::text FROM term_count ORDER BY 1, 2, 3";

    /** The row version of the UK's region row: a rewrite of the regions gives it a new one. */
    private static final String UK_ROW = "SELECT xmin::text FROM region WHERE slug = 'uk'";

    @Inject
    ReferenceData reference;

    @Inject
    CountRecovery countRecovery;

    @Inject
    DataSource dataSource;

    @AfterAll
    static void removeAds() {
        TestAds.remove("reference-data-test");
    }

    @Test
    void aKeptLevelChangeRecountsWithoutMovingTheRegions() throws SQLException {
        String ads = IntStream.range(0, 12).mapToObj(i -> "{\"source\":\"reference-data-test\",\"sourceId\":\"" + i
                + "\",\"title\":\"Junior Backend Developer\",\"location\":\"" + (i % 2 == 0 ? "Birmingham" : "Leeds")
                + "\",\"employment\":\"" + (i % 3 == 0 ? "CONTRACT" : "PERMANENT") + "\",\"postedOn\":\"2017-0"
                + (1 + i % 9) + "-1" + i % 10 + "\"}").collect(Collectors.joining("\n"));
        TestTokens.asLoader().contentType("application/x-ndjson").body(ads.getBytes(StandardCharsets.UTF_8))
                .post("/ads").then().statusCode(200);
        List<String> counts = strings(COUNTS);
        assertTrue(counts.size() > 10, counts.toString());
        String ukRow = one(UK_ROW);
        String halfMonths = "SELECT count(DISTINCT (employment, date_trunc('month', posted_on) + CASE WHEN "
                + "extract(day FROM posted_on) > 15 THEN interval '15 days' ELSE interval '0 days' END)) FROM ad_fact";

        // The kept levels changed: the regions version differs, the tree's does not.
        execute("UPDATE reference_version SET version = 'before' WHERE name = 'regions'");
        reference.reload();
        assertEquals(ukRow, one(UK_ROW), "the regions were rewritten");
        assertEquals("0|", one("SELECT count(*) FROM term_count"));
        assertEquals(one(halfMonths), one("SELECT count(*) FROM salary_count_stale"));
        countRecovery.rebuildIfMissing();
        countRecovery.recountStaleSalaries();
        assertEquals(counts, strings(COUNTS));
        assertEquals("0|", one("SELECT count(*) FROM salary_count_stale"));

        // The tree changed as well.
        execute("UPDATE reference_version SET version = 'before' WHERE name IN ('regions', 'region-positions')");
        reference.reload();
        assertNotEquals(ukRow, one(UK_ROW), "the regions were not rewritten");
        assertEquals("0|", one("SELECT count(*) FROM term_count"));
        countRecovery.rebuildIfMissing();
        countRecovery.recountStaleSalaries();
        assertEquals(counts, strings(COUNTS));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String one(String sql) throws SQLException {
        return strings(sql).get(0);
    }

    private List<String> strings(String sql) throws SQLException {
        return TestRows.of(dataSource, sql);
    }
}
