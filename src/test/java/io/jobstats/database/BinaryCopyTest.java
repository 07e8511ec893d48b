package io.jobstats.database;

import io.jobstats.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The binary COPY encoder against PostgreSQL's own reading of it, for values a load meets and a few it may not. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class BinaryCopyTest {

    @Inject
    DataSource dataSource;

    @Test
    void postgresqlReadsWhatTheEncoderWrites() throws Exception {
        double[] numbers = {0, 15.5, 22000, 25000.0, 123456.789, 0.0001, 0.00001234, -3.25, 10000, 99999999.99, 450};
        String[] texts = {"plain", "tab\tand\nnewline \\ backslash", "£ and ü and 日本", "nul\u0000dropped", ""};
        List<String> expected = new ArrayList<>();
        BinaryCopy.Writer w = new BinaryCopy.Writer(1024);
        for (int i = 0; i < numbers.length; i++) {
            String text = texts[i % texts.length];
            LocalDate day = LocalDate.of(1999 + i, 2, 28).plusDays(i);
            w.row(6).numeric(numbers[i]).text(text).date(day).nullableDate(i % 2 == 0 ? null : day)
                    .bool(i % 3 == 0).float8(i % 4 == 0 ? null : numbers[i]);
            expected.add(new BigDecimal(BigDecimal.valueOf(numbers[i]).toPlainString()).stripTrailingZeros().toPlainString()
                    + "|" + text.replace("\u0000", "") + "|" + day + "|" + (i % 2 == 0 ? null : day) + "|" + (i % 3 == 0)
                    + "|" + (i % 4 == 0 ? null : numbers[i]));
        }
        List<String> actual = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TEMP TABLE copied (n numeric, t text, d date, e date, b boolean, f float8) ON COMMIT DROP");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY copied FROM STDIN (FORMAT binary)",
                    new ByteArrayInputStream(w.finish()));
            try (ResultSet rs = s.executeQuery("SELECT n, t, d, e, b, f FROM copied")) {
                while (rs.next()) {
                    actual.add(rs.getBigDecimal(1).stripTrailingZeros().toPlainString() + "|" + rs.getString(2) + "|"
                            + rs.getDate(3).toLocalDate() + "|" + (rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate())
                            + "|" + rs.getBoolean(5) + "|" + (rs.getObject(6) == null ? null : rs.getDouble(6)));
                }
            }
            c.rollback();
        }
        assertEquals(expected, actual);
    }
}
