package io.jobstats.ads;

/** An advertised salary: a minimum and/or maximum per period, in a currency. */
public record Salary(Double min, Double max, PayPeriod period, String currency) {

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
