package io.jobstats.ingest;

import io.jobstats.database.Employment;

/** An advertised salary: a minimum and/or maximum per period, in a currency. */
public record Salary(Double min, Double max, Period period, String currency) {

    public enum Period {
        YEAR(1), MONTH(12), WEEK(52), DAY(260), HOUR(1950);

        /** How many of this period make a year (docs/metrics.md: 52 weeks, 260 working days, 1,950 hours). */
        final double perYear;

        Period(double perYear) {
            this.perYear = perYear;
        }
    }

    private static final double WORKING_DAYS_PER_YEAR = 260;

    /**
     * The docs/metrics.md salary point: the midpoint of min and max (or whichever is given) in pounds a year for
     * permanent ads and pounds a day for contracts; null when it is not valid (another currency, or outside
     * [10,000, 500,000] a year / [50, 5,000] a day).
     */
    public Double point(Employment employment) {
        if (!"GBP".equals(currency) || (min == null && max == null)) {
            return null;
        }
        double mid = min != null && max != null ? (min + max) / 2 : (min != null ? min : max);
        double perYear = mid * period.perYear;
        if (employment == Employment.PERMANENT) {
            return perYear >= 10_000 && perYear <= 500_000 ? perYear : null;
        }
        double perDay = perYear / WORKING_DAYS_PER_YEAR;
        return perDay >= 50 && perDay <= 5_000 ? perDay : null;
    }
}
