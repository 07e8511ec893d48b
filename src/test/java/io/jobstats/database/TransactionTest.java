package io.jobstats.database;

import io.jobstats.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A transaction cut short in Java leaves nothing behind. The pool this service uses commits such a transaction when
 * the connection returns to it; {@link Transaction} rolls it back first. Rows of reference_version under names of
 * this test's own stand for what a failed write would have stored.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TransactionTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void removeRows() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM reference_version WHERE name LIKE 'transaction-test-%'");
        }
    }

    @Test
    void anUncommittedTransactionIsRolledBackWhenJavaFails() throws SQLException {
        assertThrows(IllegalStateException.class, () -> {
            try (Connection c = dataSource.getConnection(); Transaction t = Transaction.begin(c)) {
                insert(c, "transaction-test-failed");
                throw new IllegalStateException("a failure in Java between statements");
            }
        });
        assertEquals(0, rows("transaction-test-failed"));
    }

    @Test
    void aCommittedTransactionStays() throws SQLException {
        try (Connection c = dataSource.getConnection(); Transaction t = Transaction.begin(c)) {
            insert(c, "transaction-test-committed");
            c.commit();
        }
        assertEquals(1, rows("transaction-test-committed"));
    }

    /** Why Transaction exists: without it, the pool commits what a failure left half done. */
    @Test
    void thePoolAloneCommitsWhatAFailureLeft() throws SQLException {
        assertThrows(IllegalStateException.class, () -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                insert(c, "transaction-test-pool");
                throw new IllegalStateException("a failure in Java between statements");
            }
        });
        assertEquals(1, rows("transaction-test-pool"));
    }

    private static void insert(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO reference_version (name, version) VALUES ('" + name + "', 'x')");
        }
    }

    private int rows(String name) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM reference_version WHERE name = '" + name + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
