package io.jobstats.api;

import io.jobstats.ads.Employment;
import io.jobstats.ads.Workplace;
import io.jobstats.market.Scope;
import io.jobstats.market.MarketService;
import io.jobstats.market.Period;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.stream.Stream;

/**
 * Figures over one region, period and employment type: the fields that say which, shared by both kinds. Registered
 * for reflection: SmallRye calls these getters reflectively, and registers the GraphQL types but not their abstract
 * superclass, so a native executable would not find them.
 */
@RegisterForReflection
public abstract class ScopedFigures {

    @Ignore
    final Scope scope;
    @Ignore
    final MarketService market;
    @Ignore
    final ApiSupport support;

    ScopedFigures(Scope scope, MarketService market, ApiSupport support) {
        this.scope = scope;
        this.market = market;
        this.support = support;
    }

    /**
     * The id's parts after the type's own: region, period end, months, employment and, when the figures are of one,
     * the workplace: all that names the figures.
     */
    String[] scopeParts() {
        Stream<String> parts = Stream.of(support.region(scope.regionId()).getSlug(), scope.period().end().toString(),
                Integer.toString(scope.period().months()), scope.employment().name());
        return (scope.workplace() == null ? parts : Stream.concat(parts, Stream.of(scope.workplace().name())))
                .toArray(String[]::new);
    }

    @Description("The workplace the figures are restricted to; null for ads of any workplace.")
    public Workplace getWorkplace() {
        return scope.workplace();
    }

    @Description("The region the figures are over (its ads and those of every region below it).")
    public @NonNull Types.Region getRegion() {
        return support.region(scope.regionId());
    }

    @Description("The period the figures are over: ads posted in it.")
    public @NonNull Period getPeriod() {
        return scope.period();
    }

    @Description("The employment type the figures are over.")
    public @NonNull Employment getEmployment() {
        return scope.employment();
    }
}
