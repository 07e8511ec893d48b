package io.jobstats.counts;

import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestAds;
import io.jobstats.TestRows;
import io.jobstats.TestSalaries;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recount of many half months (here from 3) sets the kept rows' term indexes aside and builds them again as V16
 * defines them; a smaller one leaves them; a drop that would wait on readers is given up; a start builds those a stop
 * left missing; and the figures after a recount without the indexes are the ads' own.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(TermIndexesTest.FromThreeHalfMonths.class)
class TermIndexesTest {

    public static class FromThreeHalfMonths implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jobstats.counts.term-indexes-aside-from", "3");
        }
    }

    private static final String PRESENT = "SELECT count(*) FROM pg_class "
            + "WHERE relname IN ('salary_count_term', 'co_occurrence_term') AND relkind = 'i'";

    @AfterAll
    static void removeOwnAds() {
        TestAds.remove("term-indexes");
    }

    @Inject
    DataSource dataSource;

    @Inject
    TermIndexes termIndexes;

    @Inject
    CountRecovery recovery;

    @Inject
    MeterRegistry registry;

    @Test
    void theDefinitionsAreV16s() throws IOException {
        String v16;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V16__kept_rows_by_term.sql")) {
            v16 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (TermIndexes.Index i : TermIndexes.INDEXES) {
            assertTrue(v16.contains(i.create() + ";"), i.create());
        }
        assertEquals(2, TermIndexes.INDEXES.size());
    }

    @Test
    void aLoadOverManyHalfMonthsRecountsWithoutThemAndBuildsThemAgain() throws SQLException {
        double before = builds("salary_count_term");
        // Posted over 75 days from 1 May 2014: five half months, at least the 3 that set the indexes aside.
        TestAds.loadLeedsBackendAds("term-indexes", 150, LocalDate.of(2014, 5, 1), 75);
        assertEquals(before + 1, builds("salary_count_term"));
        assertEquals(List.of("2|"), TestRows.of(dataSource, PRESENT));
        assertEquals(List.of("t|"), TestRows.of(dataSource, "SELECT count(*) = 0 FROM salary_count_stale"));
        // Java's salary figures over the five half months, from kept rows written without the indexes, against
        // PostgreSQL's own percentiles over the same ads.
        TestSalaries.assertJavaInTheUkAsPostgres(dataSource, "2014-07-31", 3, "a.source = 'term-indexes'");
    }

    @Test
    void aRecountOfFewHalfMonthsKeepsThem() {
        double before = builds("salary_count_term");
        assertFalse(termIndexes.setAsideFor(2));
        TestAds.loadLeedsBackendAds("term-indexes-few", 20, LocalDate.of(2014, 9, 1), 10);
        assertEquals(before, builds("salary_count_term"));
        TestAds.remove("term-indexes-few");
    }

    @Test
    void aDropThatWouldWaitOnReadersIsGivenUp() throws SQLException {
        try (Connection reader = dataSource.getConnection(); Statement s = reader.createStatement()) {
            reader.setAutoCommit(false);
            s.execute("LOCK TABLE co_occurrence IN ACCESS SHARE MODE");
            assertFalse(termIndexes.setAsideFor(100));
            reader.rollback();
        }
        // Both kept: the drop of the first is undone with the second's.
        assertEquals(List.of("2|"), TestRows.of(dataSource, PRESENT));
    }

    @Test
    void aStartBuildsThoseAStopLeftMissing() throws SQLException {
        double before = builds("co_occurrence_term");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP INDEX co_occurrence_term");
        }
        recovery.recountStaleSalaries();
        assertEquals(List.of("2|"), TestRows.of(dataSource, PRESENT));
        assertEquals(before + 1, builds("co_occurrence_term"));
    }

    private double builds(String index) {
        Timer t = registry.find("jobstats.counts.term.index.builds").tag("index", index).timer();
        return t == null ? 0 : t.count();
    }
}
