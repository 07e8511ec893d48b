package io.jobstats.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A counter in the database that every committed load batch raises. Cached figures are keyed by it, and every
 * pod reads it from the database, so none serves a figure computed before a load that has committed.
 */
@ApplicationScoped
public class DataVersion {

    /** The read path's connections, whose timeouts bound the read like every query of a request. */
    @Inject
    ReadConnections connections;

    public long current() {
        try (Connection c = connections.forVersion(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM data_version WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw SqlFailures.of("Reading the data version", e);
        }
    }

    /**
     * Takes the version's row lock for the caller's transaction without raising it: for writes that change no figure
     * but must not interleave with a load's batches, which take the same lock first.
     */
    public void lock(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM data_version WHERE id = 1 FOR UPDATE")) {
            rs.next();
        }
    }

    /** Raises the version inside the caller's transaction, so it becomes visible with the data it marks. */
    public void bump(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE data_version SET version = version + 1 WHERE id = 1");
        }
    }
}
