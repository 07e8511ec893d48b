package io.jobstats.ads;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What loads did, for operators: counters of lines read, ads added and replaced, lines rejected (by format), a timer
 * of loads by outcome, and one INFO line per load with its summary.
 */
@ApplicationScoped
public class LoadMetrics {

    private static final Logger LOG = Logger.getLogger(LoadMetrics.class);

    @Inject
    MeterRegistry registry;

    void loaded(LoadReport r, AdIngestService.Format format, Instant started) {
        String f = format.name().toLowerCase(Locale.ROOT);
        count("jobstats.ads.read", "Lines read by loads", f, r.linesRead());
        count("jobstats.ads.added", "Ads added by loads", f, r.adsAdded());
        count("jobstats.ads.replaced", "Ads replaced by loads (same source and sourceId)", f, r.adsReplaced());
        count("jobstats.ads.rejected", "Lines rejected by loads", f, r.linesRejected());
        String outcome = r.refused() ? "refused" : r.completed() ? "completed" : "failed";
        Duration took = Duration.between(started, Instant.now());
        Timer.builder("jobstats.load.duration").description("How long loads took, by format and outcome")
                .tag("format", f).tag("outcome", outcome).register(registry).record(took);
        LOG.infof("Load (%s) %s in %d ms: %d lines read, %d ads added, %d replaced, %d rejected, %d unrecognised titles, "
                        + "%d unresolved locations, %d without a valid salary%s", f, outcome, took.toMillis(), r.linesRead(),
                r.adsAdded(), r.adsReplaced(), r.linesRejected(), r.unrecognisedTitles(), r.unresolvedLocations(),
                r.withoutValidSalary(), r.error() == null ? "" : "; " + r.error());
    }

    private void count(String name, String description, String format, long n) {
        Counter.builder(name).description(description).tag("format", format).register(registry).increment(n);
    }
}
