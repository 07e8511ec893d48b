package io.jobstats.graphql;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where SmallRye serves GraphQL: its root path under the HTTP root, as the routes in front of it must match it. */
@ApplicationScoped
public class GraphQLEndpoint {

    @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/")
    String httpRoot;

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String graphqlPath;

    private String path;

    @PostConstruct
    void resolve() {
        path = graphqlPath.startsWith("/") ? graphqlPath
                : (httpRoot.endsWith("/") ? httpRoot : httpRoot + "/") + graphqlPath;
    }

    public String path() {
        return path;
    }
}
