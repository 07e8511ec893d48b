package io.jobstats.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much one argument may ask for. The schema's descriptions state these defaults; an argument over its limit is
 * BAD_USER_INPUT. The cost of a whole operation is bounded besides (QueryCost, jobstats.graphql.*).
 */
@ConfigMapping(prefix = "jobstats.api")
public interface ApiConfig {

    /** The longest period, in months. */
    @WithDefault("60")
    int maxMonths();

    /** How far back previous(years) may look. */
    @WithDefault("20")
    int maxYears();

    /** The most terms one page of terms(first:) holds. */
    @WithDefault("500")
    int maxPage();

    /** The most rows of a co-occurrence table (first:, perCategory:). */
    @WithDefault("1000")
    int maxRows();

    /** The longest trend, in years (vacancyTrend, salaryTrend). */
    @WithDefault("10")
    int maxTrendYears();

    /** The widest salary-trend window, in months. */
    @WithDefault("24")
    int maxTrendWindow();

    /** The most ids one nodes(ids:) takes. */
    @WithDefault("100")
    int maxIds();

    /** The most ads one loadAds takes; larger loads go to POST /ads. */
    @WithDefault("1000")
    int maxAdsPerMutation();
}
