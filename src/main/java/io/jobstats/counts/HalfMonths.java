package io.jobstats.counts;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import static java.time.temporal.ChronoUnit.DAYS;

/**
 * The half months the term counts are kept in (the 1st to the 15th, the 16th to the month's end), and how a date
 * range is read from them: the whole half months it covers from the counts, and at each edge that cuts a half month
 * the fewer days from the ads, either the range's days in it (added) or the half month taken whole and its days
 * outside the range (subtracted).
 *
 * <p>Worked example: 3 November 2024 to 2 May 2025. The first half month, 1-15 November, holds 13 days of the range
 * and 2 outside it, so it is taken whole and 1-2 November are subtracted; the last, 1-15 May, holds 2 days of the
 * range, so it is left out and 1-2 May are added. Whole half months: 1 November 2024 to 16 April 2025 (their first
 * days); four days are read from the ads instead of the range's 181.
 */
public final class HalfMonths {

    private HalfMonths() {
    }

    /** The first day of the half month holding the day: the 1st or the 16th. */
    public static LocalDate start(LocalDate day) {
        return day.withDayOfMonth(day.getDayOfMonth() <= 15 ? 1 : 16);
    }

    /** The last day of the half month holding the day: the 15th or the month's last day. */
    public static LocalDate end(LocalDate day) {
        return day.getDayOfMonth() <= 15 ? day.withDayOfMonth(15) : day.with(TemporalAdjusters.lastDayOfMonth());
    }

    /**
     * Days read from the ads at one edge, added (sign +1) or subtracted (sign -1); no days when {@code from} is after
     * {@code to}.
     */
    public record Edge(int sign, LocalDate from, LocalDate to) {
    }

    /**
     * A range as whole half months plus two edges. {@code firstHalf..lastHalf} are the first days of the half months
     * read from the counts (none when {@code firstHalf} is after {@code lastHalf}).
     */
    public record Split(LocalDate firstHalf, LocalDate lastHalf, Edge head, Edge tail) {

        /** No half months: the whole range read from the ads. */
        static Split byDays(LocalDate from, LocalDate to) {
            return new Split(to.plusDays(1), to, new Edge(+1, from, to), new Edge(+1, to.plusDays(1), to));
        }
    }

    /** The split of an inclusive range; {@code counted} false reads every day from the ads. */
    public static Split split(LocalDate from, LocalDate to, boolean counted) {
        LocalDate firstStart = start(from);
        LocalDate lastStart = start(to);
        if (!counted || !firstStart.isBefore(lastStart)) {
            return Split.byDays(from, to);
        }
        LocalDate firstEnd = end(from);
        LocalDate lastEnd = end(to);
        boolean headWhole = DAYS.between(firstStart, from) < DAYS.between(from, firstEnd) + 1;
        boolean tailWhole = DAYS.between(to, lastEnd) < DAYS.between(lastStart, to) + 1;
        return new Split(
                headWhole ? firstStart : firstEnd.plusDays(1),
                tailWhole ? lastStart : start(lastStart.minusDays(1)),
                headWhole ? new Edge(-1, firstStart, from.minusDays(1)) : new Edge(+1, from, firstEnd),
                tailWhole ? new Edge(-1, to.plusDays(1), lastEnd) : new Edge(+1, lastStart, to));
    }
}
