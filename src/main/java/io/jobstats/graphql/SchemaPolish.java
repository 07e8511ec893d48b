package io.jobstats.graphql;

import graphql.Scalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLUnionType;
import graphql.schema.TypeResolver;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.smallrye.graphql.spi.EventingService;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static graphql.util.TreeTransformerUtil.changeNode;

/**
 * What SmallRye's schema says of itself rather than of this API, changed before the schema is built (so the served
 * SDL and introspection agree):
 * <ul>
 * <li>the root types' descriptions, instead of "Query root" and "Mutation root";</li>
 * <li>the scalars it always declares and nothing here uses (BigDecimal, BigInteger: only its bean-validation
 * directive's arguments name them), and that directive;</li>
 * <li>"Scalar for Date", which tells a typed client nothing of the format: a description and specifiedByURL; and
 * the coercing of Date, Int and Float, which refuses what does not fit (CheckedScalar);</li>
 * <li>Query.nodes(ids:) typed [ID!]!, which SmallRye cannot declare for a list (its @Id is no type annotation);
 * an ID's value reaches the resolver as the same string.</li>
 * </ul>
 */
public class SchemaPolish implements EventingService {

    /** The scalars' descriptions and specifications (the GraphQL Scalars project's). */
    private static final Map<String, String[]> SCALARS = Map.of(
            "Date", new String[] {"A calendar date without a time zone, ISO 8601 `YYYY-MM-DD`, e.g. 2025-05-02.",
                    "https://scalars.graphql.org/andimarek/local-date.html"},
            "DateTime", new String[] {"An instant, ISO 8601 / RFC 3339 with its offset, e.g. 2025-05-02T09:30:00Z.",
                    "https://scalars.graphql.org/andimarek/date-time.html"});

    /** The root types' descriptions, instead of SmallRye's "Query root" and "Mutation root". */
    private static final Map<String, String> ROOTS = Map.of(
            "Query", "Reading: terms, regions and their job-market figures. Public, unless the operator asks readers "
                    + "for a token (docs/security.md).",
            "Mutation", "Writing: loading ads. Needs a bearer token with the role loader.");

    private static final Set<String> UNUSED_SCALARS = Set.of("BigDecimal", "BigInteger");

    private static TypeResolver byName(TypeResolver resolver) {
        return env -> {
            GraphQLObjectType type = resolver.getType(env);
            return type == null ? null : env.getSchema().getObjectType(type.getName());
        };
    }

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        GraphQLSchema built = builder.build();
        GraphQLSchema described = SchemaTransformer.transformSchema(built, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType node, TraverserContext<GraphQLSchemaElement> context) {
                String[] about = SCALARS.get(node.getName());
                CheckedScalar.Check check = CheckedScalar.CHECKS.get(node.getName());
                if (about == null && check == null) {
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, node.transform(b -> {
                    if (about != null) {
                        b.description(about[0]).specifiedByUrl(about[1]);
                    }
                    if (check != null) {
                        b.coercing(new CheckedScalar(node.getCoercing(), check));
                    }
                }));
            }

            @Override
            public TraversalControl visitGraphQLObjectType(GraphQLObjectType node, TraverserContext<GraphQLSchemaElement> context) {
                String about = ROOTS.get(node.getName());
                return about == null ? TraversalControl.CONTINUE : changeNode(context, node.transform(b -> b.description(about)));
            }

            @Override
            public TraversalControl visitGraphQLArgument(GraphQLArgument node, TraverserContext<GraphQLSchemaElement> context) {
                if (node.getName().equals("ids") && context.getParentNode() instanceof GraphQLFieldDefinition f
                        && f.getName().equals("nodes")) {
                    return changeNode(context, node.transform(b -> b.type(
                            GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(Scalars.GraphQLID))))));
                }
                return TraversalControl.CONTINUE;
            }
        });
        // The transformation rebuilt the types that reach a changed element (Role.market takes a PeriodInput, which
        // holds a Date). SmallRye's type resolvers still answer with the types they were built with, which fragments
        // on the rebuilt ones would not match: each now answers with the executing schema's type of the same name.
        GraphQLCodeRegistry registry = described.getCodeRegistry().transform(b -> {
            for (GraphQLNamedType type : described.getAllTypesAsList()) {
                if (type instanceof GraphQLInterfaceType i) {
                    b.typeResolver(i, byName(described.getCodeRegistry().getTypeResolver(i)));
                } else if (type instanceof GraphQLUnionType u) {
                    b.typeResolver(u, byName(described.getCodeRegistry().getTypeResolver(u)));
                }
            }
        });
        Set<GraphQLDirective> directives = described.getDirectives().stream()
                .filter(d -> d.getArguments().stream()
                        .noneMatch(a -> UNUSED_SCALARS.contains(GraphQLTypeUtil.unwrapAll(a.getType()).getName())))
                .collect(Collectors.toSet());
        return GraphQLSchema.newSchema(described)
                .codeRegistry(registry)
                .clearDirectives().additionalDirectives(directives)
                .clearAdditionalTypes()
                .additionalTypes(described.getAdditionalTypes().stream()
                        .filter(t -> !(t instanceof GraphQLNamedType n && UNUSED_SCALARS.contains(n.getName())))
                        .collect(Collectors.toSet()));
    }
}
