package io.jobstats.pacing;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The GraphQL queries being answered now, and how many were begun since the service started: whether readers were
 * served at any moment of a span of background work is then whether one was in flight at its end or one began
 * after its start ({@link #busySince}), without recording every moment.
 */
@ApplicationScoped
public class ReadActivity {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong begun = new AtomicLong();

    /**
     * In flight first, then begun, while {@link #mark} reads them the other way round: a query that begins as a mark
     * is taken is in flight at the mark, or begun after it, and never neither.
     */
    public void begin() {
        inFlight.incrementAndGet();
        begun.incrementAndGet();
    }

    public void end() {
        inFlight.decrementAndGet();
    }

    /** A mark to pass to {@link #busySince} later; one that says busy already when a query is in flight now. */
    public long mark() {
        long b = begun.get();
        return inFlight.get() > 0 ? -1 : b;
    }

    /** Whether a query was being answered at some moment since {@code mark} was taken. */
    public boolean busySince(long mark) {
        return inFlight.get() > 0 || begun.get() != mark;
    }
}
