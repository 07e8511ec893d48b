package io.jobstats.demo;

import io.jobstats.ads.AdIngestService;
import io.jobstats.ads.LoadReport;
import io.jobstats.reference.ReferenceData;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * On the first start with the embedded database (no ads held), loads generated ads and the reference page's
 * Junior Backend Developer ads through the normal ingestion path, so GraphiQL has something to show.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    public static final String REFERENCE_ADS = "demo/reference-junior-backend-developer.ndjson";

    @Inject
    DemoConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    ReferenceData reference;

    @Inject
    AdIngestService ingest;

    void onStart(@Observes @Priority(2000) StartupEvent event) throws SQLException, IOException {
        if (!config.enabled() || adsHeld() > 0) {
            return;
        }
        LOG.infof("First start on the embedded database: loading %d demo ads (seed %d)", config.ads(), config.seed());
        // Through a file rather than memory: the generated ads run to a few hundred megabytes.
        Path file = Files.createTempFile("jobstats-demo", ".ndjson");
        LoadReport demo;
        try {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new DemoAdGenerator(reference.taxonomy(), config.seed(), DemoAdGenerator.RESERVED_ROLES)
                        .write(out, config.ads(), LocalDate.of(2022, 5, 3), LocalDate.of(2025, 5, 2), 600);
            }
            try (InputStream in = Files.newInputStream(file)) {
                demo = ingest.load(in, AdIngestService.Format.NDJSON);
            }
        } finally {
            Files.deleteIfExists(file);
        }
        LoadReport ref = ingest.load(resource(REFERENCE_ADS), AdIngestService.Format.NDJSON);
        LOG.infof("Demo data loaded: %d generated ads, %d reference ads", demo.adsAdded(), ref.adsAdded());
    }

    private long adsHeld() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT 1 FROM ad LIMIT 1) x")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static InputStream resource(String name) {
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
    }
}
