package io.jobstats.database;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gauges of what the database holds: the data version, and the ads held, counted again only when the version has
 * moved (a count of ten million rows is not for every scrape). NaN while the database cannot be read.
 */
@ApplicationScoped
public class DatabaseGauges {

    @Inject
    DataVersion dataVersion;

    @Inject
    @io.quarkus.agroal.DataSource("read")
    DataSource readPool;

    private long countedAt = -1;
    private long adsHeld;

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("jobstats.data.version", this, DatabaseGauges::version)
                .description("The data version: raised by every committed load batch").register(registry);
        Gauge.builder("jobstats.ads.held", this, DatabaseGauges::adsHeld)
                .description("Ads held in the database").register(registry);
    }

    double version() {
        try {
            return dataVersion.current();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    synchronized double adsHeld() {
        try {
            long v = dataVersion.current();
            if (v != countedAt) {
                try (Connection c = readPool.getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*) FROM ad_fact")) {
                    rs.next();
                    adsHeld = rs.getLong(1);
                    countedAt = v;
                }
            }
            return adsHeld;
        } catch (SQLException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
