package io.jobstats.ads;

import io.jobstats.counts.CountDelta;
import io.jobstats.counts.IntArrays;
import io.jobstats.counts.LoadCounts;
import io.jobstats.database.BinaryCopy;
import io.jobstats.database.DataVersion;
import io.jobstats.database.Transaction;
import io.jobstats.reference.ReferenceData;
import io.jobstats.reference.RegionTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores one batch of ads in one transaction: it looks up which (source, source_id) keys are held, deletes those
 * ads and their facts, COPYs the batch straight into ad and ad_fact (a replaced ad keeping its id), and appends the
 * difference to the term counts. A batch that commits stays, whatever happens to the batches after it, and sending
 * the same ads again replaces rather than adds.
 */
@ApplicationScoped
public class AdWriter {

    private static final Logger LOG = Logger.getLogger(AdWriter.class);

    private static final String COLUMNS = "id, source, source_id, title, description, location, company, employment, "
            + "posted_on, closes_on, salary_min, salary_max, salary_period, salary_currency, salary_text, region_id, "
            + "region_pos, location_resolved, remote, hybrid, role_id, salary_point, workplace";

    private static final int COLUMN_COUNT = COLUMNS.split(",").length;

    @Inject
    DataSource dataSource;

    @Inject
    DataVersion dataVersion;

    @Inject
    LoadCounts loadCounts;

    @Inject
    IngestConfig config;

    @Inject
    ReferenceData reference;

    record Result(long added, long replaced) {
    }

    Result write(List<PreparedAd> batch, LoadCounts.Load load) throws SQLException {
        if (batch.isEmpty()) {
            return new Result(0, 0);
        }
        try (Connection c = dataSource.getConnection(); Transaction t = Transaction.begin(c)) {
            // First, not last: the row lock on the version makes concurrent loads take turns, so no other load can
            // add a key between the look-up below and the COPY.
            dataVersion.bump(c);
            long[] ids = existingIds(c, batch);
            List<Long> replaced = new ArrayList<>();
            for (long id : ids) {
                if (id != 0) {
                    replaced.add(id);
                }
            }
            CountDelta counts = loadCounts.delta();
            if (!replaced.isEmpty()) {
                delete(c, replaced, counts);
            }
            assignNewIds(c, ids, batch.size() - replaced.size());
            copy(c, batch, ids);
            for (PreparedAd p : batch) {
                counts.add(p.region().region(), p.ad().employment().code(), p.ad().postedOn(), p.termIds(), 1);
            }
            loadCounts.append(c, load, counts);
            raiseOpenSpan(c, batch);
            c.commit();
            load.committed(counts);
            if (load.heldRows() > config.foldAfterRows()) {
                foldQuietly(load);
            }
            return new Result(batch.size() - replaced.size(), replaced.size());
        }
    }

    /**
     * Folds the load's term counts mid-load. The batch is committed whatever happens here, so a failure must not fail
     * it: the figures stay right without the fold (they read the deltas too), and the load's end or the next start
     * folds them.
     */
    private void foldQuietly(LoadCounts.Load load) {
        try {
            loadCounts.fold(load);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not fold the load's term counts mid-load; they stay in term_count_delta until it ends", e);
        }
    }

    /** Raises open_span (V9) to the longest any of the batch's ads is open, posting to closing date, in days. */
    private static void raiseOpenSpan(Connection c, List<PreparedAd> batch) throws SQLException {
        long longest = 0;
        for (PreparedAd p : batch) {
            if (p.ad().closesOn() != null) {
                longest = Math.max(longest, p.ad().closesOn().toEpochDay() - p.ad().postedOn().toEpochDay());
            }
        }
        if (longest > 0) {
            try (PreparedStatement raise = c.prepareStatement("UPDATE open_span SET days = ? WHERE days < ?")) {
                raise.setInt(1, Math.toIntExact(longest));
                raise.setInt(2, Math.toIntExact(longest));
                raise.executeUpdate();
            }
        }
    }

    /** Deletes the ads and their facts, uncounting each fact. */
    private void delete(Connection c, List<Long> ids, CountDelta counts) throws SQLException {
        RegionTree regions = reference.regions();
        try (PreparedStatement facts = c.prepareStatement("DELETE FROM ad_fact WHERE ad_id = ANY (?) "
                + "RETURNING employment, posted_on, region_pos, terms::text");
             PreparedStatement ads = c.prepareStatement("DELETE FROM ad WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("int8", ids.toArray());
            facts.setArray(1, array);
            try (ResultSet rs = facts.executeQuery()) {
                while (rs.next()) {
                    counts.add(regions.byPosition(rs.getInt(3)), rs.getShort(1), rs.getDate(2).toLocalDate(),
                            IntArrays.parse(rs.getString(4)), -1);
                }
            }
            ads.setArray(1, array);
            ads.executeUpdate();
        }
    }

    /** The id of each ad of the batch that is held already, 0 for a new one. */
    private static long[] existingIds(Connection c, List<PreparedAd> batch) throws SQLException {
        Map<String, Integer> index = new HashMap<>(batch.size() * 2);
        String[] sources = new String[batch.size()];
        String[] sourceIds = new String[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            AdLine a = batch.get(i).ad();
            sources[i] = a.source();
            sourceIds[i] = a.sourceId();
            index.put(a.key(), i);
        }
        long[] ids = new long[batch.size()];
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.source, a.source_id FROM ad a "
                + "JOIN unnest(?::text[], ?::text[]) AS k(source, source_id) USING (source, source_id)")) {
            ps.setArray(1, c.createArrayOf("text", sources));
            ps.setArray(2, c.createArrayOf("text", sourceIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids[index.get(rs.getString(2) + '\u0000' + rs.getString(3))] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    private static void assignNewIds(Connection c, long[] ids, int count) throws SQLException {
        if (count == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval('ad_id_seq') FROM generate_series(1, ?)")) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < ids.length; i++) {
                    if (ids[i] == 0) {
                        rs.next();
                        ids[i] = rs.getLong(1);
                    }
                }
            }
        }
    }

    private static void copy(Connection c, List<PreparedAd> batch, long[] ids) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        try {
            copyAds(pg, batch, ids);
            copy(pg, "COPY ad_fact (ad_id, employment, posted_on, closes_on, region_pos, role_id, salary_point, workplace, terms) "
                    + "FROM STDIN (FORMAT text)", batch, ids, PreparedAd::factRow);
        } catch (IOException e) {
            // The stream reports the database's own error as its cause: that is what the load report must say.
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** Binary: the server copies the descriptions rather than parsing them (a third less of its time per ad). */
    private static void copyAds(PGConnection pg, List<PreparedAd> batch, long[] ids) throws SQLException, IOException {
        try (PGCopyOutputStream out = new PGCopyOutputStream(pg, "COPY ad (" + COLUMNS + ") FROM STDIN (FORMAT binary)", 1 << 20)) {
            out.write(new BinaryCopy.Writer(64).bytes());
            java.nio.ByteBuffer lead = java.nio.ByteBuffer.allocate(14);
            for (int i = 0; i < batch.size(); i++) {
                lead.clear();
                lead.putShort((short) COLUMN_COUNT).putInt(8).putLong(ids[i]);
                out.write(lead.array());
                out.write(batch.get(i).adRow());
            }
            out.write(new byte[] {(byte) 0xFF, (byte) 0xFF}); // the file trailer: a field count of -1
        }
    }

    /** Each row is its id, a tab, and the rest already encoded: the writer thread only moves bytes. */
    private static void copy(PGConnection pg, String sql, List<PreparedAd> batch, long[] ids,
                             java.util.function.Function<PreparedAd, byte[]> row) throws SQLException, IOException {
        try (PGCopyOutputStream out = new PGCopyOutputStream(pg, sql, 1 << 20)) {
            for (int i = 0; i < batch.size(); i++) {
                out.write(Long.toString(ids[i]).getBytes(StandardCharsets.US_ASCII));
                out.write('\t');
                out.write(row.apply(batch.get(i)));
            }
        }
    }

    /** The ad's row of COPY ad in binary form, without the field count and the id that lead it. */
    static byte[] adRow(PreparedAd p) {
        AdLine a = p.ad();
        Salary s = p.salary();
        return BinaryCopy.Writer.fields(a.description() == null ? 256 : a.description().length() + 256)
                .text(a.source()).text(a.sourceId()).text(a.title()).text(a.description()).text(a.location())
                .text(a.company()).int2(a.employment().code()).date(a.postedOn()).nullableDate(a.closesOn())
                .numeric(s == null ? null : s.min()).numeric(s == null ? null : s.max())
                .text(s == null ? null : s.period().name()).text(s == null ? null : s.currency()).text(a.salaryText())
                .int4(p.region().region().id).int4(p.region().region().lft).bool(p.region().resolved())
                .bool(p.region().remote()).bool(p.region().hybrid()).int4(p.roleId()).float8(p.salaryPoint())
                .int2(p.workplace().code()).bytes();
    }

    /** The ad's row of COPY ad_fact, without the id that leads it. */
    static byte[] factRow(PreparedAd p) {
        AdLine a = p.ad();
        StringBuilder facts = new StringBuilder(160);
        facts.append(a.employment().code()).append('\t').append(a.postedOn()).append('\t');
        field(facts, a.closesOn() == null ? null : a.closesOn().toString()).append('\t');
        facts.append(p.region().region().lft).append('\t');
        field(facts, p.roleId() == null ? null : p.roleId().toString()).append('\t');
        field(facts, p.salaryPoint() == null ? null : p.salaryPoint().toString()).append('\t');
        facts.append(p.workplace().code()).append('\t');
        IntArrays.format(facts, p.termIds()).append('\n');
        return facts.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** PostgreSQL COPY text format: \N for null, backslash escapes for the separators. */
    private static StringBuilder field(StringBuilder b, String v) {
        if (v == null) {
            return b.append("\\N");
        }
        int plain = 0;
        for (char ch; plain < v.length() && (ch = v.charAt(plain)) >= ' ' && ch != '\\'; ) {
            plain++;
        }
        // Most of a description needs no escape: copy the run before the first character that might, at once.
        b.append(v, 0, plain);
        for (int i = plain; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\u0000' -> { }
                default -> b.append(ch);
            }
        }
        return b;
    }
}
