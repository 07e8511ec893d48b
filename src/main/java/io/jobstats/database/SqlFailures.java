package io.jobstats.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Sorts a failed statement by what the caller can do about it: wait for the database (unreachable), ask for less
 * (timed out), or nothing (anything else is a fault of the service, reported as such).
 */
public final class SqlFailures {

    private SqlFailures() {
    }

    public static RuntimeException of(String what, SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.equals("57014")) {
            return new StatementTimeoutException(what + " took longer than the read path's statement timeout", e);
        }
        if (unreachable(e)) {
            return new DatabaseUnavailableException("The database cannot be reached; try again shortly", e);
        }
        return new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }

    /**
     * Connection errors (SQLSTATE class 08), a server shutting down or starting (57P01-57P03), and a pool that
     * had no connection to give in time.
     */
    static boolean unreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof SQLException s && s.getMessage() != null
                    && s.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }
}
