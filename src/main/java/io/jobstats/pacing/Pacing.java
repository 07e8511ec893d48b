package io.jobstats.pacing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.TimeUnit;

/**
 * Has background work give way to readers. The work calls {@link #start} before a step (a load's batch, the recount
 * of a half month) and {@link #pause} after it, outside any transaction: if GraphQL queries were answered at some
 * moment of the step, the work waits jobstats.pacing.yield-to-reads times the step's time. A step of 2 s beside
 * pages, with the default 1, is followed by 2 s of waiting: while pages are served the load works at most half the
 * time (so it takes at most twice as long, and leaves the readers the cores the rest), and it never waits when no
 * page is asked for. The waits are timed in {@code jobstats.pacing.waits}, by work.
 */
@ApplicationScoped
public class Pacing {

    /** The largest multiple accepted: beyond it a load would all but stop while pages are served. */
    static final double MAX_YIELD = 100;

    /** A step of work begun: when, and the read activity's mark then. */
    public record Step(long startedNanos, long readMark) {
    }

    @Inject
    ReadActivity reads;

    @Inject
    PacingConfig config;

    @Inject
    MeterRegistry registry;

    /** A setting out of bounds stops the start, rather than the first load. */
    void check(@Observes StartupEvent started) {
        waitNanos(config.yieldToReads(), 0, false);
    }

    public Step start() {
        return new Step(System.nanoTime(), reads.mark());
    }

    /**
     * Waits after the step if readers were served during it, then returns; the interrupt of a stopping service ends
     * the wait early and stays set for the work to see.
     *
     * @param work what waits, the tag of its timer: "load" or "recount"
     */
    public void pause(Step step, String work) {
        long nanos = waitNanos(config.yieldToReads(), System.nanoTime() - step.startedNanos(),
                reads.busySince(step.readMark()));
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Timer.builder("jobstats.pacing.waits").description("Waits of background work while queries were answered")
                .tag("work", work).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** How long to wait after a step that took {@code stepNanos}: yield times that when readers were served. */
    static long waitNanos(double yield, long stepNanos, boolean readersServed) {
        if (!(yield >= 0 && yield <= MAX_YIELD)) {
            throw new IllegalStateException("jobstats.pacing.yield-to-reads must be between 0 and " + MAX_YIELD
                    + ", not " + yield);
        }
        return readersServed && stepNanos > 0 ? (long) (stepNanos * yield) : 0;
    }
}
