package io.jobstats.market;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An inclusive date range of whole months ending on a day: "6 months to 2 May 2025" is 2024-11-03 .. 2025-05-02.
 * Shifting by years moves both ends (29 February becomes 28 February). The schema's Period type is this record.
 */
@Description("An inclusive date range of whole months ending on a day: \"6 months to 2 May 2025\" is "
        + "2024-11-03 to 2025-05-02.")
public record Period(
        @Description("The first day: the day after the same date `months` months before end.") @NonNull LocalDate start,
        @Description("The last day.") @NonNull LocalDate end,
        @Description("The length in months.") int months) {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public static Period ending(LocalDate end, int months) {
        return new Period(end.minusMonths(months).plusDays(1), end, months);
    }

    public Period yearsEarlier(int years) {
        return new Period(start.minusYears(years), end.minusYears(years), months);
    }

    @Description("As the site writes it, e.g. \"6 months to 2 May 2025\".")
    public @NonNull String getLabel() {
        return months + (months == 1 ? " month" : " months") + " to " + LABEL.format(end);
    }
}
