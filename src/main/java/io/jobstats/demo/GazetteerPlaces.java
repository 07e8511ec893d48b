package io.jobstats.demo;

import io.jobstats.reference.RegionNode;
import io.jobstats.reference.RegionTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The towns and villages of the gazetteer as an advert would name them ("Abberley, Worcestershire"), for generated
 * ads spread over every place rather than a few cities. Only places whose written location resolves back to
 * themselves are kept, so each generated ad is counted at the place it names; a place whose name, with or without
 * its authority, resolves elsewhere (another place of the same name, say) is left out.
 * <p>
 * A draw picks towns and villages equally often. The resources hold about 1,160 such towns and 23,700 villages, so a
 * town gets about twenty times the ads of a village, as offices gather in towns.
 */
public record GazetteerPlaces(List<String> towns, List<String> villages) {

    public GazetteerPlaces {
        towns = List.copyOf(towns);
        villages = List.copyOf(villages);
        if (towns.isEmpty() || villages.isEmpty()) {
            throw new IllegalArgumentException("a gazetteer needs towns and villages");
        }
    }

    public static GazetteerPlaces of(RegionTree tree) {
        List<String> towns = new ArrayList<>();
        List<String> villages = new ArrayList<>();
        for (RegionNode place : tree.nodes()) {
            if (place.kind != RegionNode.Kind.TOWN && place.kind != RegionNode.Kind.VILLAGE) {
                continue;
            }
            String location = location(tree, place);
            if (location != null) {
                (place.kind == RegionNode.Kind.TOWN ? towns : villages).add(location);
            }
        }
        return new GazetteerPlaces(towns, villages);
    }

    /** The place's name with its authority's, or alone, whichever resolves back to it; null when neither does. */
    private static String location(RegionTree tree, RegionNode place) {
        RegionNode authority = place.parent;
        while (authority != null && authority.kind != RegionNode.Kind.AUTHORITY
                && authority.kind != RegionNode.Kind.DISTRICT) {
            authority = authority.parent;
        }
        if (authority != null) {
            String withAuthority = place.name + ", " + authority.name;
            if (tree.resolve(withAuthority).region() == place) {
                return withAuthority;
            }
        }
        return tree.resolve(place.name).region() == place ? place.name : null;
    }

    String draw(Random random) {
        List<String> from = random.nextBoolean() ? towns : villages;
        return from.get(random.nextInt(from.size()));
    }
}
