package io.jobstats.database;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the read path's statements run. With one server, on the read pool. With a replica behind the read pool
 * ({@link ReadConfig#replica}), the data version comes from the primary, and a figure's statement runs on the replica
 * only when the replica has replayed at least the request's version; a replica behind a load sends it to the primary
 * (counted in jobstats_read_primary_fallbacks_total). An answer so never mixes versions, and never shows less than a
 * load that had committed when the request began.
 */
@ApplicationScoped
public class ReadConnections {

    private static final String UNDEFINED_TABLE = "42P01";

    @Inject
    @io.quarkus.agroal.DataSource("read")
    DataSource read;

    /** The primary, with the read path's bounds; it opens connections only when a replica is configured. */
    @Inject
    @io.quarkus.agroal.DataSource("read-primary")
    DataSource primary;

    @Inject
    ReadConfig config;

    @Inject
    MeterRegistry registry;

    private volatile Counter fallbacks;

    /** A connection to read the data version from: the primary's, which every load's commit raises first. */
    public Connection forVersion() throws SQLException {
        return config.replica() ? primary.getConnection() : read.getConnection();
    }

    /** A connection whose server holds at least {@code version} of the data. */
    public Connection at(long version) throws SQLException {
        Connection c = read.getConnection();
        if (!config.replica()) {
            return c;
        }
        long replayed;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM data_version WHERE id = 1")) {
            rs.next();
            replayed = rs.getLong(1);
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                c.close();
                throw e;
            }
            // A replica still replaying the first migrations is as far behind as can be.
            replayed = -1;
        }
        if (replayed >= version) {
            return c;
        }
        c.close();
        fallbacks().increment();
        return primary.getConnection();
    }

    private Counter fallbacks() {
        Counter c = fallbacks;
        if (c == null) {
            c = Counter.builder("jobstats.read.primary.fallbacks")
                    .description("Read statements sent to the primary because the replica had not replayed the request's data version")
                    .register(registry);
            fallbacks = c;
        }
        return c;
    }
}
