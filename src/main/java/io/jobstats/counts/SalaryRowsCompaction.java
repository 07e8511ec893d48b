package io.jobstats.counts;

import io.jobstats.counts.SalaryCountStore.Bucket;
import io.jobstats.database.BinaryCopy;
import io.jobstats.database.DataVersion;
import io.jobstats.database.NamedSql;
import io.jobstats.database.Transaction;
import io.jobstats.market.PointsEncoding;
import io.jobstats.market.SalaryPoints;
import io.jobstats.reference.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites in the compact encoding ({@link PointsEncoding}) the salary_count rows that releases before it kept in
 * V10's fixed pairs: a half month at a time, newest first (the half months most pages read), in the background after
 * start-up. The figures are the same from either encoding, so pages are served throughout, and each half month's
 * reads get cheaper as it is done (the UK's market index reads some 35 MB of fixed pairs a period at 10M ads).
 * <p>
 * A half month's rows are rewritten in one transaction holding the data version's row lock, as a recount does, so
 * that no recount rewrites them meanwhile; both write every row of a half month, so its UK row of every ad (term 0)
 * tells which encoding all of its rows are in. The rows are read 10,000 at a time, so the memory held is the half
 * month's rows compacted (a few MB at 10M ads) until they are put back with one COPY.
 */
@ApplicationScoped
public class SalaryRowsCompaction {

    private static final Logger LOG = Logger.getLogger(SalaryRowsCompaction.class);

    /** Half months whose rows are in fixed pairs: a fixed pair begins with a positive float8, below 0x80. */
    private static final NamedSql FIXED = NamedSql.of("""
            SELECT employment, bucket FROM salary_count
            WHERE region_id = :root AND term_id = 0 AND substring(points FROM 1 FOR 1) < '\\x80'::bytea
            ORDER BY bucket DESC, employment""");

    /** By the counted regions' ids, so that the primary key finds the rows, as the recount deletes them. */
    private static final NamedSql ROWS = NamedSql.of("""
            SELECT region_id, term_id, points FROM salary_count
            WHERE region_id = ANY (:regions) AND employment = :employment AND bucket = :bucket""");

    @Inject
    DataSource dataSource;

    @Inject
    DataVersion dataVersion;

    @Inject
    ReferenceData reference;

    /** What one run rewrote: half months and their rows, and the bytes of their points before and after. */
    public record Done(int halfMonths, long rows, long bytesBefore, long bytesAfter) {
    }

    /** Rewrites every half month whose rows are in fixed pairs. */
    public Done run() throws SQLException {
        long started = System.nanoTime();
        int halfMonths = 0;
        long rows = 0;
        long before = 0;
        long after = 0;
        try (Connection c = dataSource.getConnection(); Transaction t = Transaction.begin(c)) {
            int[] regions = TermCountStore.countedIds(reference.regions());
            for (Bucket b : fixed(c)) {
                dataVersion.lock(c);
                Map<String, Object> p = Map.of("regions", regions, "employment", b.employment(), "bucket", b.start());
                BinaryCopy.Writer out = new BinaryCopy.Writer(1 << 20);
                try (PreparedStatement ps = ROWS.prepare(c, p)) {
                    ps.unwrap(PGStatement.class).setPrepareThreshold(-1); // the points as bytes, not hex
                    ps.setFetchSize(10_000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byte[] points = rs.getBytes(3);
                            byte[] compact = PointsEncoding.compact(points) ? points
                                    : new SalaryPoints.Builder().addEncoded(points).build().encoded();
                            out.row(5).int4(rs.getInt(1)).int2(b.employment()).int4(rs.getInt(2)).date(b.start())
                                    .bytea(compact);
                            rows++;
                            before += points.length;
                            after += compact.length;
                        }
                    }
                }
                try (PreparedStatement ps = SalaryCountStore.DELETE_ROWS.prepare(c, p)) {
                    ps.executeUpdate();
                }
                try {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn(SalaryCountStore.COPY_ROWS,
                            new ByteArrayInputStream(out.finish()));
                } catch (IOException e) {
                    throw new SQLException("COPY of a half month's compacted salary rows failed", e);
                }
                c.commit();
                halfMonths++;
            }
        }
        if (halfMonths > 0) {
            LOG.infof("Salary rows of %d half months rewritten in the compact encoding in %d ms: %d rows, their points"
                    + " %d MB before, %d MB after", halfMonths, (System.nanoTime() - started) / 1_000_000, rows,
                    before >> 20, after >> 20);
        }
        return new Done(halfMonths, rows, before, after);
    }

    private List<Bucket> fixed(Connection c) throws SQLException {
        List<Bucket> out = new ArrayList<>();
        try (PreparedStatement ps = FIXED.prepare(c, Map.of("root", reference.regions().root().id));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Bucket(rs.getShort(1), rs.getDate(2).toLocalDate()));
            }
        }
        c.commit();
        return out;
    }
}
