package io.jobstats.counts;

import io.jobstats.ads.Employment;
import io.jobstats.database.DataVersion;
import io.jobstats.database.NamedSql;
import io.jobstats.database.Transaction;
import io.jobstats.reference.ReferenceData;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Brings the stored counts back in line with the ads at start-up: a full recount when there are ads but no counts
 * (a new schema, a reference data change), the fold of delta rows that loads which never ended left behind, and, in
 * the background, the recount of salary counts marked stale (by a migration, a reference data change or a load cut
 * short), then the rewrite of salary rows an earlier release kept in fixed pairs. The figures are exact meanwhile:
 * they read a stale half month from the ads, and rows in either encoding.
 */
@ApplicationScoped
public class CountRecovery {

    private static final Logger LOG = Logger.getLogger(CountRecovery.class);

    @Inject
    DataSource dataSource;

    @Inject
    ReferenceData reference;

    @Inject
    DataVersion dataVersion;

    @Inject
    TermCountStore store;

    @Inject
    SalaryCountStore salaryCounts;

    @Inject
    SalaryRowsCompaction compaction;

    @Inject
    CountsConfig config;

    @Inject
    TermIndexes termIndexes;

    @Inject
    ManagedExecutor executor;

    private static final NamedSql YEAR_ADS = NamedSql.of("""
            SELECT posted_on, region_pos, terms::text FROM ad_fact
            WHERE employment = :employment AND posted_on >= :from AND posted_on < :until""");

    /** Before the demo data loads (its deltas need the counts complete); after the reference data, which empties them when it changes. */
    void onStart(@Observes @Priority(1500) StartupEvent event) throws SQLException {
        reference.regions();
        rebuildIfMissing();
        foldLeftovers();
        executor.runAsync(() -> {
            recountStaleSalaries();
            if (config.compactSalaryRows()) {
                compactSalaryRows();
            }
        });
    }

    /** Rewrites the salary rows still in V10's fixed pairs compactly; the figures read either meanwhile. */
    private void compactSalaryRows() {
        try {
            compaction.run();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not rewrite the salary rows in the compact encoding; they are read as they are", e);
        }
    }

    /** Recounts every half month whose salary counts are marked stale, then builds any term index missing. */
    public void recountStaleSalaries() {
        try {
            salaryCounts.recount(new LinkedHashSet<>(salaryCounts.stale()));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not recount the stale salary counts; the figures read those half months from the ads", e);
        }
        // Those a stop during a recount of many half months left missing.
        termIndexes.restore();
    }

    /**
     * Folds every delta row into term_count by reading the rows themselves: what loads that never ended (a crash,
     * a lost database) left. Safe beside a load under way on another pod: that load folds only the rows of its own
     * that remain when it ends (see {@link LoadCounts#compact}).
     */
    public void foldLeftovers() throws SQLException {
        try (Connection c = dataSource.getConnection(); Transaction t = Transaction.begin(c)) {
            dataVersion.bump(c);
            if (!TermCountStore.exists(c, "SELECT 1 FROM term_count_delta LIMIT 1")) {
                return;
            }
            long started = System.nanoTime();
            store.apply(c, store.heldDeltas(c, null));
            int rows;
            try (Statement s = c.createStatement()) {
                rows = s.executeUpdate("DELETE FROM term_count_delta");
            }
            c.commit();
            LOG.infof("Folded %d term count delta rows left by unfinished loads in %d ms", rows,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The first and last day an ad was posted on (there is one). */
    private static LocalDate[] span(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT min(posted_on), max(posted_on) FROM ad_fact")) {
            rs.next();
            return new LocalDate[] {rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()};
        }
    }

    /** Recounts from ad_fact when there are facts but no counts: after the V2 migration or a reference data change. */
    public void rebuildIfMissing() throws SQLException {
        try (Connection c = dataSource.getConnection(); Transaction t = Transaction.begin(c)) {
            // The version's row lock makes loads wait for the recount, as they wait for each other.
            dataVersion.bump(c);
            // With deltas held, a load is under way (or was cut short) and the figures are right as they are.
            if (!TermCountStore.exists(c, "SELECT 1 FROM ad_fact LIMIT 1") || TermCountStore.exists(c, "SELECT 1 FROM term_count LIMIT 1")
                    || TermCountStore.exists(c, "SELECT 1 FROM term_count_delta LIMIT 1")) {
                return;
            }
            long started = System.nanoTime();
            long facts = 0;
            // A year at a time, each year's sum added to term_count before the next is read: the memory held is a
            // year's rows of counts (~4.5 KB each per counted region, employment type and half month), whatever the
            // span of the ads. Each year is read by employment type and day: a range of ad_fact_universe (V13),
            // which covers the columns read; by day alone, each year would be a scan of the whole table.
            LocalDate[] span = span(c);
            for (LocalDate from = span[0]; !from.isAfter(span[1]); from = from.plusYears(1)) {
                CountDelta year = store.delta();
                for (Employment employment : Employment.values()) {
                    try (PreparedStatement ps = YEAR_ADS.prepare(c, Map.of("employment", employment.code(),
                            "from", from, "until", from.plusYears(1)))) {
                        ps.setFetchSize(10_000);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                year.add(reference.regions().byPosition(rs.getInt(2)), employment.code(),
                                        rs.getDate(1).toLocalDate(), IntArrays.parse(rs.getString(3)), 1);
                                facts++;
                            }
                        }
                    }
                }
                store.apply(c, year);
            }
            c.commit();
            LOG.infof("Term counts rebuilt from %d ads in %d ms", facts, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
