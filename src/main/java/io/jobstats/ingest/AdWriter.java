package io.jobstats.ingest;

import io.jobstats.database.DataVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Stores one batch of ads in one transaction: COPY into a session staging table, then one upsert on
 * (source, source_id) and a rewrite of the replaced ads' term rows. A batch that commits stays, whatever happens
 * to the batches after it, and sending the same ads again replaces rather than adds.
 */
@ApplicationScoped
public class AdWriter {

    private static final String COLUMNS = "source, source_id, title, description, location, company, employment, posted_on, "
            + "closes_on, salary_min, salary_max, salary_period, salary_currency, salary_text, region_id, region_pos, "
            + "location_resolved, remote, hybrid, role_id, salary_point";

    @Inject
    DataSource dataSource;

    @Inject
    DataVersion dataVersion;

    record Result(long added, long replaced) {
    }

    Result write(List<PreparedAd> batch) throws SQLException {
        if (batch.isEmpty()) {
            return new Result(0, 0);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE IF NOT EXISTS stage_ad (" + "source text, source_id text, title text, "
                        + "description text, location text, company text, employment smallint, posted_on date, closes_on date, "
                        + "salary_min numeric, salary_max numeric, salary_period text, salary_currency text, salary_text text, "
                        + "region_id int, region_pos int, location_resolved boolean, remote boolean, hybrid boolean, "
                        + "role_id int, salary_point double precision, term_ids int[]) ON COMMIT DELETE ROWS");
                s.execute("CREATE TEMP TABLE IF NOT EXISTS stage_up (id bigint, source text, source_id text, inserted boolean) "
                        + "ON COMMIT DELETE ROWS");
            }
            copy(c, batch);
            long added;
            long replaced;
            try (Statement s = c.createStatement()) {
                s.executeUpdate("WITH up AS (INSERT INTO ad (" + COLUMNS + ") SELECT " + COLUMNS
                        + " FROM stage_ad ON CONFLICT (source, source_id) DO UPDATE SET title = excluded.title, "
                        + "description = excluded.description, location = excluded.location, company = excluded.company, "
                        + "employment = excluded.employment, posted_on = excluded.posted_on, closes_on = excluded.closes_on, "
                        + "salary_min = excluded.salary_min, salary_max = excluded.salary_max, "
                        + "salary_period = excluded.salary_period, salary_currency = excluded.salary_currency, "
                        + "salary_text = excluded.salary_text, region_id = excluded.region_id, region_pos = excluded.region_pos, "
                        + "location_resolved = excluded.location_resolved, remote = excluded.remote, hybrid = excluded.hybrid, "
                        + "role_id = excluded.role_id, salary_point = excluded.salary_point, loaded_at = now() "
                        + "RETURNING id, source, source_id, (xmax = 0)) INSERT INTO stage_up SELECT * FROM up");
                s.executeUpdate("DELETE FROM ad_term t USING stage_up u WHERE t.ad_id = u.id AND NOT u.inserted");
                s.executeUpdate("INSERT INTO ad_term (ad_id, term_id, employment, posted_on, closes_on, region_pos, salary_point) "
                        + "SELECT u.id, unnest(a.term_ids), a.employment, a.posted_on, a.closes_on, a.region_pos, a.salary_point "
                        + "FROM stage_up u JOIN stage_ad a ON a.source = u.source AND a.source_id = u.source_id");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM stage_up")) {
                    rs.next();
                    added = rs.getLong(1);
                    replaced = rs.getLong(2);
                }
            }
            dataVersion.bump(c);
            c.commit();
            return new Result(added, replaced);
        }
    }

    private static void copy(Connection c, List<PreparedAd> batch) throws SQLException {
        StringBuilder b = new StringBuilder(batch.size() * 2048);
        for (PreparedAd p : batch) {
            AdLine a = p.ad();
            Salary s = p.salary();
            field(b, a.source()).append('\t');
            field(b, a.sourceId()).append('\t');
            field(b, a.title()).append('\t');
            field(b, a.description()).append('\t');
            field(b, a.location()).append('\t');
            field(b, a.company()).append('\t');
            b.append(a.employment().code()).append('\t');
            b.append(a.postedOn()).append('\t');
            field(b, a.closesOn() == null ? null : a.closesOn().toString()).append('\t');
            field(b, s == null || s.min() == null ? null : s.min().toString()).append('\t');
            field(b, s == null || s.max() == null ? null : s.max().toString()).append('\t');
            field(b, s == null ? null : s.period().name()).append('\t');
            field(b, s == null ? null : s.currency()).append('\t');
            field(b, a.salaryText()).append('\t');
            b.append(p.region().region().id).append('\t');
            b.append(p.region().region().lft).append('\t');
            b.append(p.region().resolved() ? 't' : 'f').append('\t');
            b.append(p.region().remote() ? 't' : 'f').append('\t');
            b.append(p.region().hybrid() ? 't' : 'f').append('\t');
            field(b, p.roleId() == null ? null : p.roleId().toString()).append('\t');
            field(b, p.salaryPoint() == null ? null : p.salaryPoint().toString()).append('\t');
            b.append('{');
            int[] ids = p.termIds();
            for (int i = 0; i < ids.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(ids[i]);
            }
            b.append("}\n");
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY stage_ad FROM STDIN (FORMAT text)", new StringReader(b.toString()));
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
