package io.jobstats.market;

import io.jobstats.ads.Employment;
import io.jobstats.ads.Workplace;

/**
 * What a figure is over: the ads of one employment type posted in a period in a region or below it, of one workplace
 * or of any ({@code workplace} null), at one version of the data. A cache key of every aggregate.
 */
public record Scope(int regionId, Period period, Employment employment, Workplace workplace, long version) {

    public Scope at(Period p) {
        return new Scope(regionId, p, employment, workplace, version);
    }

    public Scope in(int region) {
        return new Scope(region, period, employment, workplace, version);
    }

    /** The same figures over the ads of one workplace. */
    public Scope of(Workplace w) {
        return new Scope(regionId, period, employment, w, version);
    }

    /** The same region and type over the same period {@code years} years earlier. */
    public Scope yearsEarlier(int years) {
        return at(period.yearsEarlier(years));
    }
}
