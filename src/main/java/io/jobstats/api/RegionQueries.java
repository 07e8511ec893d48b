package io.jobstats.api;

import io.jobstats.reference.ReferenceData;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/** The region tree: Query.region, Query.regions and Region.children. */
@GraphQLApi
public class RegionQueries {

    @Inject
    ApiSupport support;

    @Inject
    ReferenceData reference;

    @Query
    @Description("A region by slug or name; NOT_FOUND, with the closest slugs, when none.")
    public Types.Region region(@NonNull @Description("A slug (\"west-midlands\") or a name (\"West Midlands\").") String slug) {
        return new Types.Region(support.regionNode(slug));
    }

    @Query
    @Description("The children of a region, or the top of the tree (UK) when no parent is given.")
    public @NonNull List<Types.@NonNull Region> regions(
            @Description("The parent's slug or name; omit it for the top of the tree.") String parent) {
        if (parent == null) {
            return List.of(new Types.Region(reference.regions().root()));
        }
        return support.regionNode(parent).children.stream().map(Types.Region::new).toList();
    }

    @Description("The regions directly below this one, in the tree's order.")
    public @NonNull List<Types.@NonNull Region> children(@Source Types.Region region) {
        return region.node.children.stream().map(Types.Region::new).toList();
    }
}
