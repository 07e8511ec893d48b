package io.jobstats.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The persistent embedded server: durable settings, and starts after a killed server and after a killed JVM. */
class EmbeddedDatabaseTest {

    @Test
    void thePersistentServerIsDurable(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedDatabase.startPersistent(dir.resolve("pgdata"))) {
            assertEquals("on", show(pg, "fsync"));
            assertEquals("on", show(pg, "synchronous_commit"));
            assertEquals("on", show(pg, "full_page_writes"));
            assertEquals("on", show(pg, "data_checksums"));
        }
    }

    @Test
    void aStartAfterTheServerWasKilledRecoversItsCommittedData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pgdata");
        EmbeddedPostgres first = EmbeddedDatabase.startPersistent(data);
        execute(first, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
        ProcessHandle postmaster = PostmasterPid.process(data).orElseThrow();
        postmaster.destroyForcibly(); // kill -9
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        first.close(); // its stop fails (nothing runs); it lets go of the directory as a dead JVM would
        try (EmbeddedPostgres second = EmbeddedDatabase.startPersistent(data)) {
            assertEquals("42", query(second, "SELECT n FROM kept"));
        }
    }

    @Test
    void aStartAfterTheJvmWasKilledStopsTheOrphanedServer(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pgdata");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream()))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("ready"));
            assertEquals("ready", line, "the child JVM did not start its server");
            jvm.destroyForcibly(); // kill -9: no shutdown hook stops its PostgreSQL
            jvm.waitFor(30, TimeUnit.SECONDS);
        }
        ProcessHandle orphan = PostmasterPid.process(data).orElseThrow();
        assertTrue(orphan.isAlive(), "the orphaned server runs on");
        try (EmbeddedPostgres pg = EmbeddedDatabase.startPersistent(data)) {
            assertEquals("7", query(pg, "SELECT n FROM kept"));
            assertFalse(orphan.isAlive(), "the orphan was stopped");
        }
    }

    /** A JVM that starts the persistent server, writes a row and waits to be killed. */
    public static final class Child {
        public static void main(String... args) throws Exception {
            EmbeddedPostgres pg = EmbeddedDatabase.startPersistent(Path.of(args[0]));
            execute(pg, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)");
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }

    private static void execute(EmbeddedPostgres pg, String sql) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String show(EmbeddedPostgres pg, String setting) throws SQLException {
        return query(pg, "SHOW " + setting);
    }

    private static String query(EmbeddedPostgres pg, String sql) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
