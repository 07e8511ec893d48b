package io.jobstats.database;

import io.jobstats.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A primary and a streaming replica of it, both embedded PostgreSQL 17, the application's datasource on the primary
 * and its read pool on the replica (jobstats.read.replica=true). The replica is made as pg_basebackup makes one,
 * by PostgreSQL's low-level backup API (the embedded binaries have no pg_basebackup): pg_backup_start, a copy of the
 * running primary's files, pg_backup_stop's backup_label, then standby.signal and primary_conninfo.
 */
public class ReplicaResource implements QuarkusTestResourceLifecycleManager {

    /** What a base backup leaves out: the primary's own run-time files and its write-ahead log (streamed instead). */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "pg_wal", "pg_replslot",
            "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

    private EmbeddedPostgres primary;
    private EmbeddedPostgres replica;

    @Override
    public Map<String, String> start() {
        try {
            Path primaryDir = Files.createTempDirectory("jobstats-primary");
            Path replicaDir = Files.createTempDirectory("jobstats-replica");
            // The write-ahead log since the backup began stays until the replica has streamed it.
            primary = EmbeddedPostgres.builder().setDataDirectory(primaryDir).setCleanDataDirectory(true)
                    .setServerConfig("wal_keep_size", "1GB").start();
            try (Connection c = primary.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_backup_start('jobstats-replica', true)");
                copy(primaryDir, replicaDir);
                try (ResultSet rs = s.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                    rs.next();
                    Files.writeString(replicaDir.resolve("backup_label"), rs.getString(1));
                }
            }
            Files.createFile(replicaDir.resolve("standby.signal"));
            // In the file, not on the command line: zonky joins the server options into one string that pg_ctl splits
            // at spaces.
            Files.writeString(replicaDir.resolve("postgresql.auto.conf"),
                    "primary_conninfo = 'host=localhost port=" + primary.getPort() + " user=postgres'\n",
                    java.nio.file.StandardOpenOption.APPEND);
            replica = EmbeddedPostgres.builder().setDataDirectory(replicaDir).setCleanDataDirectory(false)
                    .setServerConfig("hot_standby", "on")
                    // The replica's own log, in its data directory's log/: what it says when it cannot start or stream.
                    .setServerConfig("logging_collector", "on")
                    .start();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start a primary and its replica", e);
        }
        Map<String, String> config = new HashMap<>(EmbeddedDatabase.connectionProperties(primary.getPort()));
        config.put("quarkus.datasource.read.jdbc.url", url(replica.getPort()));
        config.put("jobstats.read.replica", "true");
        config.put("jobstats.test.primary-url", url(primary.getPort()));
        config.put("jobstats.test.replica-url", url(replica.getPort()));
        config.putAll(TestTokens.properties());
        return config;
    }

    static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&password=postgres";
    }

    /** Copies the data directory as a base backup does; files the running primary removes meanwhile are skipped. */
    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                return !dir.equals(from) && NOT_COPIED.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!NOT_COPIED.contains(file.getFileName().toString())) {
                    try {
                        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    } catch (NoSuchFileException gone) {
                        // A temporary file of the running primary; the replica replays what it held.
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        Files.createDirectories(to.resolve("pg_wal").resolve("archive_status"));
    }

    @Override
    public void stop() {
        for (EmbeddedPostgres pg : new EmbeddedPostgres[] {replica, primary}) {
            try {
                if (pg != null) {
                    pg.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
