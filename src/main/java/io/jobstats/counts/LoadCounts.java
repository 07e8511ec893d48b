package io.jobstats.counts;

import io.jobstats.database.BinaryCopy;
import io.jobstats.database.DataVersion;
import io.jobstats.database.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The count changes of a running load. Every transaction that adds or removes ads appends its {@link CountDelta} to
 * term_count_delta and marks its half months' salary counts stale before it commits, so a reader sees the ads and the
 * counts of the same batches; when the load ends, its rows are folded into term_count (and before, whenever their sum
 * in memory grows large) and the salary counts of the half months it touched are recounted.
 */
@ApplicationScoped
public class LoadCounts {

    @Inject
    DataSource dataSource;

    @Inject
    DataVersion dataVersion;

    @Inject
    TermCountStore store;

    @Inject
    SalaryCountStore salaryCounts;

    /** What one load's committed batches appended since it last folded them, summed, and every half month touched. */
    public static final class Load {
        private long id;
        private int batches;
        private CountDelta total;
        private final Set<SalaryCountStore.Bucket> touched = new HashSet<>();

        private Load() {
        }

        /** The batch whose delta was appended has committed. */
        public void committed(CountDelta batch) {
            if (batch.isEmpty()) {
                return;
            }
            batches++;
            touched.addAll(SalaryCountStore.buckets(batch));
            if (total == null) {
                total = batch;
            } else {
                total.addAll(batch);
            }
        }

        /** The rows of term counts held in memory: those of the batches committed since the load last folded. */
        public int heldRows() {
            return total == null ? 0 : total.rows.size();
        }
    }

    public Load begin() {
        return new Load();
    }

    /** An empty delta for one batch. */
    public CountDelta delta() {
        return store.delta();
    }

    /**
     * Appends one batch's changes as rows of term_count_delta and marks its half months' salary counts stale, in the
     * caller's transaction (the batch's).
     */
    public void append(Connection c, Load load, CountDelta delta) throws SQLException {
        if (delta.isEmpty()) {
            return;
        }
        salaryCounts.markStale(c, SalaryCountStore.buckets(delta));
        if (load.id == 0) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('term_count_load')")) {
                rs.next();
                load.id = rs.getLong(1);
            }
        }
        try {
            BinaryCopy.Writer out = new BinaryCopy.Writer(delta.rows.size() * 1024);
            for (Map.Entry<CountDelta.Key, CountDelta.Row> e : delta.rows.entrySet()) {
                CountDelta.Key k = e.getKey();
                CountDelta.Row r = e.getValue();
                out.row(10).int8(load.id).int4(load.batches + 1).int4(k.regionId()).int2(k.employment()).date(k.bucket())
                        .int4(r.ads);
                out.sparse(r.terms).sparse(r.categories);
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY term_count_delta (load_id, batch, region_id, employment, bucket, ads, term_ids, term_counts,
                                           category_ids, category_counts)
                    FROM STDIN (FORMAT binary)""", new ByteArrayInputStream(out.finish()));
        } catch (IOException e) {
            throw new SQLException("COPY of term count deltas failed: " + e.getMessage(), e);
        }
    }

    /**
     * Folds the load's deltas into term_count, in a transaction of its own, then recounts the salary points of the
     * half months it touched (a transaction each). The load's sum in memory is used when all its batches' rows are
     * still there; if a recount took some of them meanwhile, the rows that remain are summed.
     */
    public void compact(Load load) throws SQLException {
        if (load.id == 0) {
            return;
        }
        foldTermCounts(load);
        salaryCounts.recount(load.touched);
    }

    /**
     * Folds the batches committed so far into term_count, in a transaction of its own, and lets go of their sum: a
     * long load does so whenever its sum grows large, so its memory stays bounded. The salary counts of the half
     * months touched stay marked stale until the load ends.
     */
    public void fold(Load load) throws SQLException {
        if (load.id != 0) {
            foldTermCounts(load);
        }
    }

    private void foldTermCounts(Load load) throws SQLException {
        try (Connection c = dataSource.getConnection(); Transaction t = Transaction.begin(c)) {
            dataVersion.bump(c);
            CountDelta sum = load.total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(DISTINCT batch) FROM term_count_delta WHERE load_id = ?")) {
                ps.setLong(1, load.id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != load.batches) {
                        sum = store.heldDeltas(c, load.id);
                    }
                }
            }
            if (sum != null) {
                store.apply(c, sum);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM term_count_delta WHERE load_id = ?")) {
                ps.setLong(1, load.id);
                ps.executeUpdate();
            }
            c.commit();
            // The batches after this one are numbered afresh: the count of those held must match them alone.
            load.total = null;
            load.batches = 0;
        }
    }
}
