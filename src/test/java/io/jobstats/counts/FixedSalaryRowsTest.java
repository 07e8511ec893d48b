package io.jobstats.counts;

import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestAds;
import io.jobstats.TestRows;
import io.jobstats.TestSalaries;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With jobstats.counts.compact-salary-rows=false, as while pods of a release before the compact encoding share the
 * database, a load's recount writes salary rows in V10's fixed pairs, which those pods read, and the figures from
 * them are the ads' own.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(FixedSalaryRowsTest.FixedPairs.class)
class FixedSalaryRowsTest {

    public static class FixedPairs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jobstats.counts.compact-salary-rows", "false");
        }
    }

    @AfterAll
    static void removeOwnAds() {
        TestAds.remove("fixed-rows");
    }

    @Inject
    DataSource dataSource;

    @Test
    void aLoadWritesFixedPairsAndTheFiguresReadThem() throws SQLException {
        TestAds.loadLeedsBackendAds("fixed-rows", 120, LocalDate.of(2013, 3, 1), 60);
        String rows = "SELECT count(*), count(*) FILTER (WHERE substring(points FROM 1 FOR 1) < '\\x80'::bytea) "
                + "FROM salary_count WHERE bucket BETWEEN '2013-03-01' AND '2013-04-30'";
        String[] counts = TestRows.of(dataSource, rows).get(0).split("\\|");
        assertEquals(counts[0], counts[1], "every row in fixed pairs");
        // The half months' rows: at least the UK's, Leeds's and their levels' between, for "every ad" and for Java.
        assertEquals(List.of("t|"), TestRows.of(dataSource, "SELECT count(*) >= 8 FROM salary_count "
                + "WHERE bucket BETWEEN '2013-03-01' AND '2013-04-30'"));
        TestSalaries.assertJavaInTheUkAsPostgres(dataSource, "2013-04-30", 2,
                "f.employment = 0 AND f.posted_on BETWEEN '2013-03-01' AND '2013-04-30'");
    }
}
