package io.jobstats.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection's transaction that is rolled back unless it was committed, whatever ends it (an exception in Java, an
 * OutOfMemoryError). Needed because the pool (Agroal) turns auto-commit back on when a connection returns to it, and
 * turning it on commits the transaction under way: a term count rebuild that ran out of memory stored the years it
 * had done.
 * Opened after the connection in the same try-with-resources, so it closes first:
 * {@code try (Connection c = dataSource.getConnection(); Transaction t = Transaction.begin(c)) { ...; c.commit(); }}
 */
public final class Transaction implements AutoCloseable {

    private final Connection connection;

    private Transaction(Connection connection) {
        this.connection = connection;
    }

    /** Turns auto-commit off: the statements that follow run in one transaction, until a commit or rollback. */
    public static Transaction begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
        return new Transaction(c);
    }

    /** Rolls back what was not committed (nothing, after a commit). */
    @Override
    public void close() throws SQLException {
        if (!connection.isClosed()) {
            connection.rollback();
        }
    }
}
