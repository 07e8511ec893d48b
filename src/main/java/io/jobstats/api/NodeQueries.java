package io.jobstats.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobstats.ads.Employment;
import io.jobstats.ads.Workplace;
import io.jobstats.ads.LoadRecord;
import io.jobstats.graphql.RequestVersion;
import io.jobstats.market.MarketService;
import io.jobstats.market.Scope;
import io.jobstats.reference.ReferenceData;
import io.jobstats.reference.RegionNode;
import io.jobstats.reference.Term;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Query.node and Query.nodes: any object with an id, fetched again by it (Relay's object identification). */
@GraphQLApi
public class NodeQueries {

    @Inject
    ApiSupport support;

    @Inject
    ReferenceData reference;

    @Inject
    MarketService market;

    @Inject
    RequestVersion version;

    @Inject
    ApiConfig limits;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    @Query
    @Description("The object with this id; null when the thing it named is no longer held (a term or region dropped "
            + "by a release). BAD_USER_INPUT for text that is no id of this service.")
    public Node node(@NonNull @Id @Description("An id from any object's `id` field.") String id) {
        return resolve(id, "id");
    }

    @Query
    @Description("The objects with these ids, in the same order, null for any no longer held; at most 100 ids.")
    // [ID!]! in the schema (SchemaPolish): SmallRye cannot read @Id on a list argument.
    public @NonNull List<Node> nodes(@NonNull @Description("Ids from objects' `id` fields.") List<@NonNull String> ids) {
        if (ids.size() > limits.maxIds()) {
            throw new BadUserInputException("ids", "at most " + limits.maxIds() + " ids, not " + ids.size());
        }
        List<Node> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            found.add(resolve(id, "ids"));
        }
        return found;
    }

    private Node resolve(String id, String argument) {
        NodeId node = NodeId.parse(id, argument);
        List<String> p = node.parts();
        return switch (node.type()) {
            case "Role", "Skill" -> p.size() != 1 ? invalid(id, argument) : term(p.get(0));
            case "Category" -> p.size() != 1 ? invalid(id, argument)
                    : reference.taxonomy().categories().contains(p.get(0)) ? new Types.Category(p.get(0)) : null;
            case "Region" -> p.size() != 1 ? invalid(id, argument) : region(p.get(0));
            case "MarketSummary" -> {
                if (p.size() != 4 && p.size() != 5) {
                    yield invalid(id, argument);
                }
                Scope s = scope(p, 0, id, argument);
                yield s == null ? null : new MarketSummary(s, market, support);
            }
            case "TermMarket" -> {
                if (p.size() != 5 && p.size() != 6) {
                    yield invalid(id, argument);
                }
                Term term = support.termBySlug(p.get(0));
                Scope s = scope(p, 1, id, argument);
                yield term == null || s == null ? null : new TermMarket(term, s, market, support);
            }
            case "Load" -> {
                ApiSupport.requireLoader(identity, "A load's node");
                yield loadById(p, id, argument);
            }
            default -> invalid(id, argument);
        };
    }

    private Node loadById(List<String> parts, String id, String argument) {
        long key;
        try {
            key = Long.parseLong(parts.get(0));
        } catch (NumberFormatException e) {
            return invalid(id, argument);
        }
        LoadRecord record = LoadRecord.findById(key);
        return record == null ? null : new LoadQueries.Load(record, mapper);
    }

    private Node term(String slug) {
        Term t = support.termBySlug(slug);
        return t == null ? null : Types.TermType.of(t);
    }

    private Node region(String slug) {
        RegionNode r = reference.regions().bySlug(slug);
        return r == null ? null : new Types.Region(r);
    }

    /**
     * The region, period, employment and workplace (when the id names one) of a market id from parts[from]; null when
     * the region is gone.
     */
    private Scope scope(List<String> parts, int from, String id, String argument) {
        RegionNode r = reference.regions().bySlug(parts.get(from));
        if (r == null) {
            return null;
        }
        Types.PeriodInput period = new Types.PeriodInput();
        Employment employment;
        Workplace workplace;
        try {
            period.end = LocalDate.parse(parts.get(from + 1));
            period.months = Integer.parseInt(parts.get(from + 2));
            employment = Employment.valueOf(parts.get(from + 3));
            workplace = parts.size() > from + 4 ? Workplace.valueOf(parts.get(from + 4)) : null;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            invalid(id, argument);
            return null;
        }
        return support.scope(r.slug, period, employment, workplace, version.get());
    }

    private static Node invalid(String id, String argument) {
        throw new BadUserInputException(argument, "'" + id + "' is not an id this service gave out");
    }
}
