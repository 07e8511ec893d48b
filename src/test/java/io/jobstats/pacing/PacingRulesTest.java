package io.jobstats.pacing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wait after a step of background work, and whether readers were served during it. */
class PacingRulesTest {

    @Test
    void aStepThatMetReadersWaitsItsTimeTimesTheSetting() {
        // A 2 s batch beside pages: 2 s of waiting with the default 1, 1 s with 0.5, none with 0.
        assertEquals(2_000_000_000L, Pacing.waitNanos(1.0, 2_000_000_000L, true));
        assertEquals(1_000_000_000L, Pacing.waitNanos(0.5, 2_000_000_000L, true));
        assertEquals(0, Pacing.waitNanos(0, 2_000_000_000L, true));
        assertEquals(0, Pacing.waitNanos(1.0, 2_000_000_000L, false), "no readers, no wait");
        assertEquals(0, Pacing.waitNanos(1.0, 0, true));
    }

    @Test
    void aSettingOutOfBoundsIsRefused() {
        for (double yield : new double[] {-0.1, Double.NaN, 100.5, Double.POSITIVE_INFINITY}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Pacing.waitNanos(yield, 1, true));
            assertTrue(e.getMessage().contains("jobstats.pacing.yield-to-reads"), e.getMessage());
        }
        assertEquals(100, Pacing.waitNanos(100, 1, true));
    }

    @Test
    void readersAreSeenIfAnyWasServedDuringTheSpan() {
        ReadActivity reads = new ReadActivity();
        long idle = reads.mark();
        assertFalse(reads.busySince(idle));
        reads.begin();
        assertTrue(reads.busySince(idle), "one began after the mark");
        long during = reads.mark();
        reads.end();
        assertTrue(reads.busySince(during), "one was in flight at the mark, though it has ended");
        long after = reads.mark();
        assertFalse(reads.busySince(after));
        reads.begin();
        reads.end();
        assertTrue(reads.busySince(after), "one began and ended within the span");
    }
}
