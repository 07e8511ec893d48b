package io.jobstats.market;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An inclusive date range of whole months ending on a day: "6 months to 2 May 2025" is 2024-11-03 .. 2025-05-02.
 * Shifting by years moves both ends (29 February becomes 28 February).
 */
public record Period(LocalDate start, LocalDate end, int months) {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public static Period ending(LocalDate end, int months) {
        return new Period(end.minusMonths(months).plusDays(1), end, months);
    }

    public Period yearsEarlier(int years) {
        return new Period(start.minusYears(years), end.minusYears(years), months);
    }

    public String label() {
        return months + (months == 1 ? " month" : " months") + " to " + LABEL.format(end);
    }
}
