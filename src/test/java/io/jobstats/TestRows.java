package io.jobstats;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Rows of a query as strings, for tests that compare stored rows with an independent count in SQL. */
public final class TestRows {

    private TestRows() {
    }

    /** Each row as its columns' text, each followed by '|' ("1|0|2015-01-01|"). */
    public static List<String> of(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return of(c, sql);
        }
    }

    /** The same on a connection: what its own transaction or temporary tables hold. */
    public static List<String> of(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
