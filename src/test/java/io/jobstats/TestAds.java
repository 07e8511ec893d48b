package io.jobstats;

import io.jobstats.counts.CountRecovery;
import io.jobstats.counts.SalaryCountStore;
import io.jobstats.database.DataVersion;
import io.quarkus.arc.Arc;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * The clean-up of a test class's own ads. Figures count every ad of a region and period whatever its source, so a
 * class that loads ads removes them (by its own {@code source} values) when it ends, and the next class's figures
 * are over its own ads only.
 */
public final class TestAds {

    private TestAds() {
    }

    /**
     * Loads n permanent Backend Developer ads in Leeds (Java and SQL) under the source, sourceIds 0 to n - 1, through
     * POST /ads: ad i quotes 30,000 + 250 × (i mod 37) a year and is posted on the first day plus i mod days.
     */
    public static void loadLeedsBackendAds(String source, int n, LocalDate first, int days) {
        StringBuilder ads = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ads.append("{\"source\":\"").append(source).append("\",\"sourceId\":\"").append(i)
                    .append("\",\"title\":\"Backend Developer\",\"description\":\"Java and SQL\",")
                    .append("\"location\":\"Leeds\",")
                    .append("\"salary\":{\"min\":").append(30_000 + 250 * (i % 37)).append(",\"period\":\"YEAR\"},")
                    .append("\"employment\":\"PERMANENT\",\"postedOn\":\"")
                    .append(first.plusDays(i % days)).append("\"}\n");
        }
        TestTokens.asLoader().contentType("application/x-ndjson").body(ads.toString().getBytes(StandardCharsets.UTF_8))
                .post("/ads").then().statusCode(200);
    }

    /**
     * Removes the ads whose source matches one of the SQL LIKE patterns, recounts the term counts and the counts kept
     * per half month (from scratch: a half month left without ads must lose its rows too) and moves the data version
     * on, so no cache answers from the removed ads.
     */
    public static void remove(String... sourcePatterns) {
        DataSource dataSource = Arc.container().instance(DataSource.class).get();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Arc.container().instance(DataVersion.class).get().bump(c);
            try (PreparedStatement facts = c.prepareStatement(
                    "DELETE FROM ad_fact WHERE ad_id IN (SELECT id FROM ad WHERE source LIKE ANY (?))");
                 PreparedStatement ads = c.prepareStatement("DELETE FROM ad WHERE source LIKE ANY (?)");
                 Statement counts = c.createStatement()) {
                facts.setArray(1, c.createArrayOf("text", sourcePatterns));
                facts.executeUpdate();
                ads.setArray(1, c.createArrayOf("text", sourcePatterns));
                ads.executeUpdate();
                counts.execute(SalaryCountStore.EMPTY_ALL);
                counts.execute(SalaryCountStore.MARK_ALL);
            }
            c.commit();
            CountRecovery recovery = Arc.container().instance(CountRecovery.class).get();
            recovery.rebuildIfMissing();
            recovery.recountStaleSalaries();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove the test's ads", e);
        }
    }
}
