package io.jobstats.api;

import io.jobstats.market.SalaryPoints;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/**
 * Salary's distribution fields: read from the set's distinct salary points, fetched only when one is selected.
 * Registered for reflection as TermMarketFields is.
 */
@GraphQLApi
@RegisterForReflection
public class SalaryFields {

    /** Default band widths: IT Jobs Watch's histograms step £5,000 a year and £50 a day. */
    static final double YEAR_WIDTH = 5_000;
    static final double DAY_WIDTH = 50;
    /** The most bands a histogram answers (and what the query cost counts one as). */
    public static final int MAX_BANDS = 1_000;

    @Description("The arithmetic mean of the salary points; null when sampleSize is 0.")
    public Double mean(@Source Types.Salary s) {
        return s.points().get().mean();
    }

    @Description("A 95% confidence interval of the median (see MedianInterval): how far a median of a few ads can be "
            + "trusted. Null below 6 points, where no interval from order statistics reaches 95%.")
    public Types.MedianInterval medianInterval(@Source Types.Salary s) {
        SalaryPoints.Interval i = s.points().get().medianInterval();
        return i == null ? null : new Types.MedianInterval(i.low(), i.high());
    }

    @Description("Counts of salary points per band [k*width, (k+1)*width), from the band of the smallest point to that "
            + "of the largest, empty bands included; empty when sampleSize is 0. Null, with a BAD_USER_INPUT error, when "
            + "width is not positive or would make more than 1,000 bands.")
    // Its bands are never null, but List<@NonNull SalaryBand> would make the list itself non-null too (smallrye-graphql
    // issue 753), and an error here would then null the whole market rather than this one field.
    public List<Types.SalaryBand> histogram(
            @Source Types.Salary s,
            @Description("The band width in the salary's unit; default 5000 a year, 50 a day.") Double width) {
        double w = width != null ? width : s.unit() == Types.SalaryUnit.DAY ? DAY_WIDTH : YEAR_WIDTH;
        if (!(w > 0) || Double.isInfinite(w)) {
            throw new BadUserInputException("width", "width must be a positive number, not " + width);
        }
        SalaryPoints points = s.points().get();
        if (points.bandCount(w) > MAX_BANDS) {
            throw new BadUserInputException("width", "a width of " + w + " makes " + points.bandCount(w)
                    + " bands; at most " + MAX_BANDS + " are answered");
        }
        return points.histogram(w).stream()
                .map(b -> new Types.SalaryBand(b.low(), b.high(), Math.toIntExact(b.count())))
                .toList();
    }
}
