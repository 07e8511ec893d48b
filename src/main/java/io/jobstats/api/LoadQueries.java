package io.jobstats.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobstats.ads.AdIngestService;
import io.jobstats.ads.LoadRecord;
import io.jobstats.ads.LoadReport;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.time.Instant;
import java.util.List;

/** Query.loads: the history of loads, newest first, for whoever may load (the role loader). */
@GraphQLApi
public class LoadQueries {

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    @Inject
    ApiConfig limits;

    @Query
    @Description("Past loads, newest first, with their reports, as a Relay connection. Needs a bearer token with the "
            + "role loader.")
    public @NonNull LoadConnection loads(@DefaultValue("20") @Description("How many loads, 0 to 500.") int first,
                                         @Description("A cursor from an earlier page: the loads before it.") String after) {
        ApiSupport.requireLoader(identity, "loads");
        ApiSupport.checkFirst("first", first, limits.maxPage());
        Long before = after == null ? null : Cursors.position("load", after);
        // One more than asked for says whether another page follows.
        List<LoadRecord> rows = LoadRecord.newestBefore(before, first + 1);
        List<LoadEdge> edges = rows.stream().limit(first).map(r -> new LoadEdge(Cursors.of("load", r.id), new Load(r, mapper))).toList();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new LoadConnection(edges, new Types.PageInfo(rows.size() > first, end), Math.toIntExact(LoadRecord.count()));
    }

    @Description("One load of ads: when it ran, what it was sent as, and its report.")
    public static class Load implements Node {
        // A load's id is its row's: the load history is this database's own, not reference data a release renames.
        @Ignore
        final LoadRecord record;
        @Ignore
        final ObjectMapper mapper;

        Load(LoadRecord record, ObjectMapper mapper) {
            this.record = record;
            this.mapper = mapper;
        }

        @Override
        @Description(Node.ID)
        public @Id @NonNull String getId() {
            return NodeId.of("Load", Long.toString(record.id));
        }

        @Description("When the service started reading it.")
        public @NonNull Instant getStartedAt() {
            return record.startedAt;
        }

        @Description("When it ended, committed or not.")
        public @NonNull Instant getFinishedAt() {
            return record.finishedAt;
        }

        @Description("What it was sent as.")
        public @NonNull AdIngestService.Format getFormat() {
            return AdIngestService.Format.valueOf(record.format);
        }

        @Description("Its report, as the load answered it.")
        public @NonNull LoadReport getReport() {
            return record.report(mapper);
        }
    }

    @Description("A load in a page of loads, with its cursor.")
    public record LoadEdge(
            @Description("Opaque; pass it as `after` to start after this load.") @NonNull String cursor,
            @Description("The load.") @NonNull Load node) {
    }

    @Description("A page of loads (a Relay cursor connection).")
    public record LoadConnection(
            @Description("The page's loads with their cursors.") @NonNull List<@NonNull LoadEdge> edges,
            @Description("Where the page ends.") @NonNull Types.PageInfo pageInfo,
            @Description("How many loads are recorded in all.") int totalCount) {
    }
}
