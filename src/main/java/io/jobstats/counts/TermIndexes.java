package io.jobstats.counts;

import io.jobstats.database.Transaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The kept rows' term indexes (V16), set aside while a recount covers many half months and built again after it.
 * <p>
 * Why: a term's half months lie side by side in these indexes, a half month's rows do not. A recount writes one
 * half month's rows, ~90,000 salary rows at 10M ads, each into the leaf page of its region, type and term: 40% of
 * salary_count_term's pages read, dirtied and written again for every half month, most of a half month's time. A
 * recount of hundreds of half months (a load's end after a first import, a reference data change) is faster
 * without them, and building them once at the end is a sort of the tables (docs/benchmarks.md has the figures).
 * Meanwhile a term's rows are found through the primary keys, more slowly, and every figure stays exact.
 * <p>
 * The definitions are V16's: {@code TermIndexesTest} finds each in V16's text. An index missing after a stop during
 * such a recount is built at the next start's recount ({@link #restore}). Each build is timed in
 * {@code jobstats.counts.term.index.builds}.
 */
@ApplicationScoped
public class TermIndexes {

    private static final Logger LOG = Logger.getLogger(TermIndexes.class);

    /** Each index by name, with its definition as V16 creates it. */
    record Index(String name, String create) {
    }

    static final List<Index> INDEXES = List.of(
            new Index("salary_count_term",
                    "CREATE INDEX salary_count_term ON salary_count (region_id, employment, term_id, bucket)"),
            new Index("co_occurrence_term",
                    "CREATE INDEX co_occurrence_term ON co_occurrence (region_id, employment, term_id, bucket)"));

    /**
     * How long the drop waits for readers' locks before the recount goes on with the indexes in place: readers
     * queue behind a waiting drop, so the wait is short.
     */
    private static final String LOCK_WAIT = "SET LOCAL lock_timeout = '2s'";

    private static final String EXISTS = "SELECT to_regclass(?) IS NOT NULL";

    @Inject
    DataSource dataSource;

    @Inject
    CountsConfig config;

    @Inject
    MeterRegistry registry;

    /**
     * Drops the indexes, in a transaction of its own, when a recount of this many half months is large enough
     * (jobstats.counts.term-indexes-aside-from).
     *
     * @return whether they were dropped: the caller then calls {@link #restore} when the recount ends, however it ends
     */
    public boolean setAsideFor(int halfMonths) {
        if (halfMonths < config.termIndexesAsideFrom()) {
            return false;
        }
        try (Connection c = dataSource.getConnection(); Transaction t = Transaction.begin(c);
             Statement s = c.createStatement()) {
            s.execute(LOCK_WAIT);
            for (Index i : INDEXES) {
                s.execute("DROP INDEX IF EXISTS " + i.name());
            }
            c.commit();
            LOG.infof("Term indexes set aside for a recount of %d half months", halfMonths);
            return true;
        } catch (SQLException e) {
            LOG.warnf("Term indexes kept for a recount of %d half months, as they could not be dropped: %s",
                    halfMonths, e.getMessage());
            return false;
        }
    }

    /**
     * Builds each index that is missing, in a transaction of its own. A build blocks writes to its table (not reads)
     * for its time: ~30 s for salary_count at 10M ads. A failure is logged and tried again at the next start; the
     * figures meanwhile stay exact.
     */
    public void restore() {
        for (Index i : INDEXES) {
            try (Connection c = dataSource.getConnection()) {
                if (exists(c, i.name())) {
                    continue;
                }
                long started = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    s.execute(i.create());
                }
                long nanos = System.nanoTime() - started;
                Timer.builder("jobstats.counts.term.index.builds").description("Builds of a term index after a recount")
                        .tag("index", i.name()).register(registry).record(Duration.ofNanos(nanos));
                LOG.infof("Term index %s built in %d ms", i.name(), nanos / 1_000_000);
            } catch (SQLException e) {
                LOG.warnf(e, "Could not build the term index %s; terms' kept rows are read through the primary key "
                        + "until the next start builds it", i.name());
            }
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EXISTS)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
