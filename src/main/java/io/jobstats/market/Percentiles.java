package io.jobstats.market;

/** p10 p25 p50 p75 p90 of a set of salary points and how many points there were; nulls when there were none. */
public record Percentiles(long sampleSize, Double p10, Double p25, Double median, Double p75, Double p90) {

    public static final Percentiles NONE = new Percentiles(0, null, null, null, null, null);

    /** The same figures as PostgreSQL's percentile_cont over the points themselves. */
    static Percentiles of(SalaryPoints p) {
        return new Percentiles(p.size(), p.percentile(0.1), p.percentile(0.25), p.percentile(0.5), p.percentile(0.75),
                p.percentile(0.9));
    }

    static Percentiles of(long n, Double[] values) {
        if (n == 0 || values == null) {
            return new Percentiles(n, null, null, null, null, null);
        }
        return new Percentiles(n, values[0], values[1], values[2], values[3], values[4]);
    }
}
