package io.jobstats.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import io.jobstats.api.SalaryFields;
import io.jobstats.reference.ReferenceData;
import io.jobstats.reference.Seniority;
import io.jobstats.reference.RegionNode;
import io.jobstats.reference.RegionTree;
import io.quarkus.arc.Arc;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A query's cost as the number of values its answer can hold, known before it runs: a field costs one, and a list
 * field its items times what each item selects. Lists are counted at their real length where the arguments tell it
 * (first, perCategory, a trend's months, the children of a named region, never more than there are terms) and at
 * their longest otherwise (the children of a child: the most children any region has). So 40 aliases of a region
 * tree four levels deep are refused before a byte of them is built, while the reference page costs about its real
 * size.
 */
final class QueryCost implements FieldComplexityCalculator {

    /** A trend's default span: the 3 years to the period's end, one point a month. */
    private static final int DEFAULT_TREND_MONTHS = 37;

    /**
     * No field is counted above this (the limit plus one): graphql-java adds the fields' costs up as ints, and the
     * parser's token limit (15,000) then keeps any sum of capped costs far from overflowing.
     */
    private final int cap;

    QueryCost(int limit) {
        this.cap = limit + 1;
    }

    @Override
    public int calculate(FieldComplexityEnvironment env, int childComplexity) {
        long items = items(env);
        return (int) Math.min(cap, 1 + items * Math.max(childComplexity, items > 1 ? 1 : 0));
    }

    /** What the reference data sets, the same for every query: taken at the first query, not walked for each field. */
    private record Sizes(long terms, long categories, long largestCategory, long maxChildren, long maxDepth) {
        static Sizes of(ReferenceData reference) {
            return new Sizes(reference.taxonomy().terms().size(), reference.taxonomy().categories().size(),
                    reference.taxonomy().terms().stream()
                            .collect(java.util.stream.Collectors.groupingBy(t -> t.category(), java.util.stream.Collectors.counting()))
                            .values().stream().mapToLong(Long::longValue).max().orElse(1),
                    reference.regions().nodes().stream().mapToInt(r -> r.children.size()).max().orElse(1),
                    reference.regions().nodes().stream().mapToInt(r -> r.depth).max().orElse(1));
        }
    }

    private volatile Sizes sizes;

    private Sizes sizes() {
        Sizes s = sizes;
        if (s == null) {
            s = Sizes.of(reference());
            sizes = s;
        }
        return s;
    }

    private long items(FieldComplexityEnvironment env) {
        Sizes sizes = sizes();
        Map<String, Object> args = env.getArguments();
        return switch (env.getField().getName()) {
            case "terms" -> Math.min(number(args.get("first"), 20), sizes.terms());
            case "coOccurringSkills" -> Math.min(number(args.get("first"), 30), sizes.terms());
            case "coOccurringByCategory", "categories" -> sizes.categories();
            case "skills" -> Math.min(sizes.largestCategory(), env.getParentEnvironment() == null ? 1
                    : number(env.getParentEnvironment().getArguments().get("perCategory"), 20));
            case "vacancyTrend", "salaryTrend" -> months(args.get("from"), args.get("to"));
            case "path" -> sizes.maxDepth() + 1;
            case "histogram" -> SalaryFields.MAX_BANDS;
            case "bySeniority" -> Seniority.values().length;
            case "regions" -> args.get("parent") == null ? 1 : childrenOf(args.get("parent"));
            case "children", "locations" -> childrenOfAnchor(env, sizes.maxChildren());
            default -> 1;
        };
    }

    /** The children of the region named by the field's parent (region(slug), market(region)), else the most any has. */
    private static long childrenOfAnchor(FieldComplexityEnvironment env, long maxChildren) {
        FieldComplexityEnvironment parent = env.getParentEnvironment();
        if (parent != null) {
            Object named = parent.getArguments().get(parent.getField().getName().equals("region") ? "slug" : "region");
            if (named == null && parent.getField().getName().equals("regions")) {
                return parent.getArguments().get("parent") == null ? reference().regions().root().children.size() : maxChildren;
            }
            if (named != null) {
                return childrenOf(named);
            }
        }
        return maxChildren;
    }

    private static long childrenOf(Object slugOrName) {
        RegionTree tree = reference().regions();
        String s = slugOrName.toString();
        RegionNode n = tree.bySlug(s.trim().toLowerCase(java.util.Locale.ROOT));
        if (n == null) {
            var named = tree.lookup(s);
            n = named.isEmpty() ? null : named.get(0);
        }
        return n == null ? 0 : n.children.size();
    }

    private static long months(Object from, Object to) {
        LocalDate f = date(from);
        LocalDate t = date(to);
        if (f != null && t != null && !f.isAfter(t)) {
            return ChronoUnit.MONTHS.between(f.withDayOfMonth(1), t.withDayOfMonth(1)) + 1;
        }
        // One end or none given: the resolver allows at most 10 years.
        return f == null && t == null ? DEFAULT_TREND_MONTHS : 121;
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static long number(Object value, int otherwise) {
        return value instanceof Number n ? Math.max(0, n.longValue()) : otherwise;
    }

    private static ReferenceData reference() {
        return Arc.container().instance(ReferenceData.class).get();
    }
}
