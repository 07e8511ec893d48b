package io.jobstats.ingest;

import io.jobstats.database.DataVersion;
import io.jobstats.database.ReferenceData;
import io.jobstats.geography.RegionTree;
import io.jobstats.market.IntArrays;
import io.jobstats.market.TermCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
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
 * ads and their facts, COPYs the batch straight into ad and ad_fact (a replaced ad keeping its id), and moves the
 * term counts by the difference. A batch that commits stays, whatever happens to the batches after it, and sending
 * the same ads again replaces rather than adds.
 */
@ApplicationScoped
public class AdWriter {

    private static final String COLUMNS = "id, source, source_id, title, description, location, company, employment, "
            + "posted_on, closes_on, salary_min, salary_max, salary_period, salary_currency, salary_text, region_id, "
            + "region_pos, location_resolved, remote, hybrid, role_id, salary_point";

    @Inject
    DataSource dataSource;

    @Inject
    DataVersion dataVersion;

    @Inject
    TermCounts termCounts;

    @Inject
    ReferenceData reference;

    record Result(long added, long replaced) {
    }

    Result write(List<PreparedAd> batch) throws SQLException {
        if (batch.isEmpty()) {
            return new Result(0, 0);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
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
            TermCounts.Delta counts = termCounts.delta();
            if (!replaced.isEmpty()) {
                delete(c, replaced, counts);
            }
            assignNewIds(c, ids, batch.size() - replaced.size());
            copy(c, batch, ids);
            for (PreparedAd p : batch) {
                counts.add(p.region().region(), p.ad().employment().code(), p.ad().postedOn(), p.termIds(), 1);
            }
            termCounts.apply(c, counts);
            c.commit();
            return new Result(batch.size() - replaced.size(), replaced.size());
        }
    }

    /** Deletes the ads and their facts, uncounting each fact. */
    private void delete(Connection c, List<Long> ids, TermCounts.Delta counts) throws SQLException {
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
        StringBuilder ads = new StringBuilder(batch.size() * 2048);
        StringBuilder facts = new StringBuilder(batch.size() * 160);
        for (int i = 0; i < batch.size(); i++) {
            PreparedAd p = batch.get(i);
            AdLine a = p.ad();
            Salary s = p.salary();
            long id = ids[i];
            ads.append(id).append('\t');
            field(ads, a.source()).append('\t');
            field(ads, a.sourceId()).append('\t');
            field(ads, a.title()).append('\t');
            field(ads, a.description()).append('\t');
            field(ads, a.location()).append('\t');
            field(ads, a.company()).append('\t');
            ads.append(a.employment().code()).append('\t');
            ads.append(a.postedOn()).append('\t');
            field(ads, a.closesOn() == null ? null : a.closesOn().toString()).append('\t');
            field(ads, s == null || s.min() == null ? null : s.min().toString()).append('\t');
            field(ads, s == null || s.max() == null ? null : s.max().toString()).append('\t');
            field(ads, s == null ? null : s.period().name()).append('\t');
            field(ads, s == null ? null : s.currency()).append('\t');
            field(ads, a.salaryText()).append('\t');
            ads.append(p.region().region().id).append('\t');
            ads.append(p.region().region().lft).append('\t');
            ads.append(p.region().resolved() ? 't' : 'f').append('\t');
            ads.append(p.region().remote() ? 't' : 'f').append('\t');
            ads.append(p.region().hybrid() ? 't' : 'f').append('\t');
            field(ads, p.roleId() == null ? null : p.roleId().toString()).append('\t');
            field(ads, p.salaryPoint() == null ? null : p.salaryPoint().toString()).append('\n');
            facts.append(id).append('\t').append(a.employment().code()).append('\t').append(a.postedOn()).append('\t');
            field(facts, a.closesOn() == null ? null : a.closesOn().toString()).append('\t');
            facts.append(p.region().region().lft).append('\t');
            field(facts, p.roleId() == null ? null : p.roleId().toString()).append('\t');
            field(facts, p.salaryPoint() == null ? null : p.salaryPoint().toString()).append('\t');
            IntArrays.format(facts, p.termIds()).append('\n');
        }
        try {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY ad (" + COLUMNS + ") FROM STDIN (FORMAT text)", new StringReader(ads.toString()));
            copy.copyIn("COPY ad_fact (ad_id, employment, posted_on, closes_on, region_pos, role_id, salary_point, terms) "
                    + "FROM STDIN (FORMAT text)", new StringReader(facts.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY failed", e);
        }
    }

    /** PostgreSQL COPY text format: \N for null, backslash escapes for the separators. */
    private static StringBuilder field(StringBuilder b, String v) {
        if (v == null) {
            return b.append("\\N");
        }
        for (int i = 0; i < v.length(); i++) {
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
