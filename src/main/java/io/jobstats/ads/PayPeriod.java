package io.jobstats.ads;

import org.eclipse.microprofile.graphql.Description;

/** What an advertised salary amount is per, with how many of it make a year (docs/metrics.md). */
@Description("What a salary amount is per.")
public enum PayPeriod {
    @Description("A year (52 weeks, 260 working days).") YEAR(1),
    @Description("A month: a twelfth of a year.") MONTH(12),
    @Description("A week.") WEEK(52),
    @Description("A working day (7.5 hours).") DAY(260),
    @Description("An hour.") HOUR(1950);

    /** How many of this period make a year: 52 weeks, 260 working days, 1,950 hours. */
    final double perYear;

    PayPeriod(double perYear) {
        this.perYear = perYear;
    }
}
