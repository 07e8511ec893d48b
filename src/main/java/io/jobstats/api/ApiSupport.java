package io.jobstats.api;

import io.jobstats.ads.Employment;
import io.jobstats.ads.Workplace;
import io.jobstats.market.MarketService;
import io.jobstats.market.Scope;
import io.jobstats.market.Percentiles;
import io.jobstats.market.SalaryPoints;
import io.jobstats.market.Period;
import io.jobstats.reference.ReferenceData;
import io.jobstats.reference.RegionNode;
import io.jobstats.reference.RegionTree;
import io.jobstats.reference.Taxonomy;
import io.jobstats.reference.Term;
import io.jobstats.security.SecurityConfig;
import io.jobstats.text.Names;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Argument checking and look-ups shared by the resolvers: every bad argument becomes a coded error here. */
@ApplicationScoped
public class ApiSupport {

    @Inject
    ReferenceData reference;

    @Inject
    ApiConfig limits;

    @Inject
    MarketService market;

    Term term(String name, Predicate<Term> kind, String what) {
        Taxonomy t = reference.taxonomy();
        Term found = t.lookup(name);
        if (found == null || !kind.test(found)) {
            throw new NotFoundException("No " + what + " named '" + name + "'",
                    closest(name, t.terms().stream().filter(kind).map(Term::name)));
        }
        return found;
    }

    RegionNode regionNode(String slugOrName) {
        RegionTree tree = reference.regions();
        RegionNode n = tree.bySlug(slugOrName == null ? "" : slugOrName.trim().toLowerCase(Locale.ROOT));
        if (n == null) {
            List<RegionNode> named = tree.lookup(slugOrName == null ? "" : slugOrName);
            n = named.isEmpty() ? null : named.get(0);
        }
        if (n == null) {
            throw new NotFoundException("No region '" + slugOrName + "'",
                    closest(slugOrName, tree.nodes().stream().filter(r -> r.depth <= 4).map(r -> r.slug)));
        }
        return n;
    }

    /** NOT_FOUND, with the closest names, for a category that is not the exact name of one; null passes. */
    void checkCategory(String category) {
        if (category != null && !reference.taxonomy().categories().contains(category)) {
            throw new NotFoundException("No category '" + category + "'", closest(category, reference.taxonomy().categories().stream()));
        }
    }

    /** The term's name or an alias contains the text (a {@link Names#key}: any case, punctuation ignored). */
    static boolean nameContains(Term t, String key) {
        return Names.key(t.name()).contains(key) || t.aliases().stream().anyMatch(a -> Names.key(a).contains(key));
    }

    Term termBySlug(String slug) {
        return reference.taxonomy().bySlug(slug);
    }

    Types.Region region(int id) {
        return new Types.Region(reference.regions().byId(id));
    }

    Scope scope(String region, Types.PeriodInput period, Employment employment, Workplace workplace, long version) {
        RegionNode r = regionNode(region);
        return new Scope(r.id, period(period, version), employment == null ? Employment.PERMANENT : employment, workplace,
                version);
    }

    Period period(Types.PeriodInput in, long version) {
        int months = in == null || in.months == null ? 6 : in.months;
        if (months < 1 || months > limits.maxMonths()) {
            throw new BadUserInputException("period.months", "period.months must be between 1 and " + limits.maxMonths()
                    + ", not " + months);
        }
        LocalDate end = in == null || in.end == null ? market.latestPosted(version) : in.end;
        if (end.getYear() < 1990 || end.getYear() > 2200) {
            throw new BadUserInputException("period.end", "period.end " + end + " is outside the years 1990 to 2200");
        }
        return Period.ending(end, months);
    }

    /** {@code points} is read only when a distribution field (histogram, mean, medianInterval) is selected. */
    static Types.Salary salary(Percentiles p, Employment e, Supplier<SalaryPoints> points) {
        return new Types.Salary(Math.toIntExact(p.sampleSize()), p.p10(), p.p25(), p.median(), p.p75(), p.p90(),
                e == Employment.CONTRACT ? Types.SalaryUnit.DAY : Types.SalaryUnit.YEAR, "GBP", points);
    }

    void checkYears(int years) {
        if (years < 1 || years > limits.maxYears()) {
            throw new BadUserInputException("years", "years must be between 1 and " + limits.maxYears() + ", not " + years);
        }
    }

    /** A trend's range: from not after to, and no longer than jobstats.api.max-trend-years. */
    void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new BadUserInputException("from", "from " + from + " is after to " + to);
        }
        if (from.plusYears(limits.maxTrendYears()).isBefore(to)) {
            throw new BadUserInputException("from", "a trend spans at most " + limits.maxTrendYears() + " years");
        }
    }

    static void checkFirst(String argument, int first, int max) {
        if (first < 0 || first > max) {
            throw new BadUserInputException(argument, argument + " must be between 0 and " + max + ", not " + first);
        }
    }

    /** UNAUTHENTICATED without a token, FORBIDDEN without the role loader. */
    public static void requireLoader(SecurityIdentity identity, String what) {
        if (identity.isAnonymous()) {
            throw new UnauthenticatedException(what + " needs a bearer token with the role " + SecurityConfig.LOADER);
        }
        if (!identity.hasRole(SecurityConfig.LOADER)) {
            throw new ForbiddenException(what + " needs the role " + SecurityConfig.LOADER + "; this token has "
                    + (identity.getRoles().isEmpty() ? "no role" : "only " + String.join(", ", identity.getRoles())));
        }
    }

    private record Scored(String name, int score) {
    }

    /** Up to five names closest to what was asked: those containing it first, then by edit distance. */
    static List<String> closest(String asked, Stream<String> names) {
        String a = Names.key(asked == null ? "" : asked);
        return names.distinct()
                .map(n -> new Scored(n, (!a.isEmpty() && Names.key(n).contains(a) ? 0 : 1000) + distance(a, Names.key(n))))
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(5).map(Scored::name).toList();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
