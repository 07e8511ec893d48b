package io.jobstats.api;

import io.jobstats.reference.ReferenceData;
import io.jobstats.reference.Term;
import io.jobstats.text.Names;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.Comparator;
import java.util.List;

/** Terms and categories: Query.term, role, skill, terms and categories. */
@GraphQLApi
public class TermQueries {

    @Inject
    ApiSupport support;

    @Inject
    ReferenceData reference;

    @Inject
    ApiConfig limits;

    @Query
    @Description("A role or skill by name, slug or alias (any case); NOT_FOUND, with the closest names, when none.")
    public Types.TermType term(@NonNull @Description("A name, slug or alias, e.g. \"C#\", \"c-sharp\" or \"csharp\".") String name) {
        return Types.TermType.of(support.term(name, t -> true, "term"));
    }

    @Query
    @Description("A role (a term of the Job Titles category) by name, slug or alias; NOT_FOUND when none.")
    public Types.Role role(@NonNull @Description("A name, slug or alias, e.g. \"Junior Backend Developer\".") String name) {
        return (Types.Role) Types.TermType.of(support.term(name, Term::isRole, "role"));
    }

    @Query
    @Description("A skill (a term of any category but Job Titles) by name, slug or alias; NOT_FOUND when none.")
    public Types.Skill skill(@NonNull @Description("A name, slug or alias, e.g. \"Python\".") String name) {
        return (Types.Skill) Types.TermType.of(support.term(name, t -> !t.isRole(), "skill"));
    }

    @Query
    @Description("Terms in name order, optionally of one category and matching a search, as a Relay connection.")
    public @NonNull Types.TermConnection terms(
            @Description("Only terms of this category (its exact name); NOT_FOUND for an unknown one.") String category,
            @Description("Only terms whose name or an alias contains this text (any case, punctuation ignored).") String search,
            @DefaultValue("20") @Description("How many terms to answer, 0 to 500.") int first,
            @Description("A cursor from an earlier page: answer the terms after it.") String after) {
        ApiSupport.checkFirst("first", first, limits.maxPage());
        support.checkCategory(category);
        String needle = search == null ? null : Names.key(search);
        List<Term> matching = reference.taxonomy().terms().stream()
                .filter(t -> category == null || t.category().equals(category))
                .filter(t -> needle == null || ApiSupport.nameContains(t, needle))
                .sorted(Comparator.comparing(Term::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        Cursors.Page<Types.TermEdge> page = Cursors.page(matching, "term", first, after,
                (cursor, t) -> new Types.TermEdge(cursor, Types.TermType.of(t)));
        return new Types.TermConnection(page.edges(), page.pageInfo(), matching.size());
    }

    @Query
    @Description("Every category, in name order.")
    public @NonNull List<Types.@NonNull Category> categories() {
        return reference.taxonomy().categories().stream().sorted().map(Types.Category::new).toList();
    }
}
