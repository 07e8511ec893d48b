package io.jobstats.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay's object identification: anything with an {@code id} can be fetched again by it (Query.node, Query.nodes). */
@Interface
@Description("An object with a global id. `node(id:)` fetches it again; normalising clients (Apollo, Relay, urql) cache "
        + "by it. Ids are opaque: build none by hand, and keep them, since they stay the same across restarts and releases.")
public interface Node {

    /** SmallRye reads a field's description from the implementing method, so each repeats this one. */
    String ID = "The object's global id: opaque, stable across restarts and releases.";

    @Id
    @NonNull
    @Description(ID)
    String getId();
}
