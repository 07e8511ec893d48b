package io.jobstats.counts;

import io.jobstats.reference.RegionNode;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static java.time.temporal.ChronoUnit.DAYS;

/**
 * Counts, for the ads posted in one half month, those live on each day under each term they feature, per counted
 * region they lie in: the rows of live_count (V15). An ad is live from its posting day to its closing date, or,
 * without one, to the {@link #UNCLOSED_DAYS}th day after its posting (METRICS.md's live jobs). Ads open longer than
 * {@link #KEPT_DAYS_OPEN} days are not counted here: few, they are read through the index kept of them alone (V13),
 * and leaving them out bounds a half month's rows to {@link #ROW_DAYS} days whatever closing date an ad gives.
 * <p>
 * Counted as differences: an ad adds one to each of its terms on its posting day and takes it away the day after its
 * last, and a running sum over the days gives each day's counts; an ad costs two increments per term and region
 * however long it is open.
 * <p>
 * Example: in the half month from 1 March, ad {1, 2} posted 2 March closing 4 March and ad {2} posted 3 March without
 * a closing date give 2 March (1: 1, 2: 1), 3-4 March (1: 1, 2: 2), and 5 March to 2 April (2: 1).
 */
public final class LiveCounter {

    /** The longest an ad is kept open here, posting to closing date: V13's partial index holds those open longer. */
    public static final int KEPT_DAYS_OPEN = 90;

    /** An ad without a closing date is live on the day it is posted and the 30 after. */
    public static final int UNCLOSED_DAYS = 30;

    /** The days a half month's ads can be live on: its own 16 at most and the 90 after its last. */
    static final int ROW_DAYS = 16 + KEPT_DAYS_OPEN;

    /**
     * Receives one row: the ads of the half month in the region live on the day, as a count per term id (element t
     * counts term t), valid during the call.
     */
    public interface Rows {
        void row(int regionId, LocalDate day, int[] countsByTerm);
    }

    private final LocalDate first;

    /** Per counted region: per day from {@link #first}, the change in each term's count that day (by term id). */
    private final Map<Integer, int[][]> changes = new TreeMap<>();

    /** Counts the ads of the half month starting on {@code first}. */
    public LiveCounter(LocalDate first) {
        this.first = first;
    }

    /** The last day an ad is live on, or null when it is not kept here (open longer than {@link #KEPT_DAYS_OPEN}). */
    public static LocalDate lastLiveDay(LocalDate posted, LocalDate closes) {
        if (closes == null) {
            return posted.plusDays(UNCLOSED_DAYS);
        }
        return DAYS.between(posted, closes) <= KEPT_DAYS_OPEN ? closes : null;
    }

    /** One ad of the half month, its terms distinct. */
    public void add(RegionNode place, LocalDate posted, LocalDate closes, int[] terms) {
        LocalDate last = lastLiveDay(posted, closes);
        if (last == null || last.isBefore(posted)) {
            return;
        }
        int from = day(posted);
        int after = day(last) + 1;
        for (RegionNode r = place; r != null; r = r.parent) {
            if (!TermCountStore.counted(r)) {
                continue;
            }
            int[][] days = changes.computeIfAbsent(r.id, k -> new int[ROW_DAYS + 1][0]);
            days[from] = IntArrays.incrementAll(days[from], terms, 1);
            days[after] = IntArrays.incrementAll(days[after], terms, -1);
        }
    }

    private int day(LocalDate d) {
        long offset = DAYS.between(first, d);
        if (offset < 0 || offset > ROW_DAYS) {
            throw new IllegalArgumentException(d + " is not within " + ROW_DAYS + " days of the half month from " + first);
        }
        return (int) offset;
    }

    /** The regions counted, ascending. */
    public Set<Integer> regionIds() {
        return changes.keySet();
    }

    /** One region's rows, by day, the days with no ad live left out. */
    public void rows(int regionId, Rows out) {
        int[][] days = changes.get(regionId);
        int[] live = new int[0];
        for (int d = 0; d < ROW_DAYS; d++) {
            live = IntArrays.add(live, days[d]);
            if (Arrays.stream(live).anyMatch(n -> n != 0)) {
                out.row(regionId, first.plusDays(d), live);
            }
        }
    }
}
