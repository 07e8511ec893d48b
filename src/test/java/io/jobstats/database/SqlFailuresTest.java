package io.jobstats.database;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Failed statements sorted by what a client can do about them. */
class SqlFailuresTest {

    @Test
    void connectionFailuresAndShutdownsAreUnavailability() {
        for (SQLException e : new SQLException[]{new SQLException("refused", "08001"), new SQLException("reset", "08006"),
                new SQLException("terminating connection due to administrator command", "57P01"),
                new SQLException("the database system is starting up", "57P03"),
                new SQLException("Acquisition timeout while waiting for new connection"),
                new SQLTransientConnectionException("no connection"),
                new SQLException("wrapped", null, new SQLException("reset", "08006"))}) {
            assertInstanceOf(DatabaseUnavailableException.class, SqlFailures.of("A query", e), e.getMessage());
        }
    }

    @Test
    void aCancelledStatementIsATimeoutAndAnythingElseAFault() {
        assertInstanceOf(StatementTimeoutException.class,
                SqlFailures.of("A query", new SQLException("canceling statement due to statement timeout", "57014")));
        assertInstanceOf(IllegalStateException.class, SqlFailures.of("A query", new SQLException("syntax error", "42601")));
    }
}
