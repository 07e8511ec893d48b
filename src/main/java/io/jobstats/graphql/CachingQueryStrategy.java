package io.jobstats.graphql;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.parser.ParserOptions;
import io.jobstats.database.DatabaseUnavailableException;
import io.jobstats.database.StatementTimeoutException;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.execution.error.ExceptionHandler;
import io.smallrye.graphql.spi.EventingService;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * graphql-java's default query strategy in front of the {@link ResponseCache}. It sits inside the execution, so
 * parsing, validation and the depth and complexity limits still apply to every request, and only queries pass
 * through it (mutations have their own strategy). Results with errors are not kept: the next request tries again.
 * Every figure is computed at the request's data version (RequestVersion), so the result is what the key says. An
 * error-free result's JSON text is also handed to {@link GraphQLRoute}, which answers the same request with it next time.
 */
public class CachingQueryStrategy extends AsyncExecutionStrategy {

    /** Looked up on first use: SmallRye builds the strategy (through Installer) before CDI could inject it. */
    private volatile ResponseCache cache;
    /** A client proxy: the request-scoped instance of whichever request calls it. */
    private volatile RequestVersion requestVersion;

    CachingQueryStrategy() {
        // SmallRye's handler, as the strategy graphql-java would build by default has: errors keep their codes.
        super(new ExceptionHandler());
    }

    @Override
    public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
        if (cache == null) {
            // requestVersion first: a thread that sees cache set (a volatile write after it) sees requestVersion too.
            requestVersion = Arc.container().instance(RequestVersion.class).get();
            cache = Arc.container().instance(ResponseCache.class).get();
        }
        long version;
        try {
            version = requestVersion.get();
        } catch (DatabaseUnavailableException | StatementTimeoutException e) {
            return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult()
                    .addError(GraphqlErrorBuilder.newError().message(e.getMessage())
                            .extensions(Map.of("code", ErrorCodes.of(e)))
                            .build())
                    .build());
        }
        ResponseCache.Key key = new ResponseCache.Key(QueryKey.of(context), version);
        String operation = context.getOperationDefinition().getName();
        ResponseCache.Kept cached = cache.get(key);
        if (cached != null) {
            hand(cached, operation);
            return CompletableFuture.completedFuture(cached.result());
        }
        return super.execute(context, parameters).thenApply(result -> {
            if (!result.getErrors().isEmpty() || !context.getErrors().isEmpty() || context.hasIncrementalSupport()) {
                return result;
            }
            ResponseCache.Kept kept = cache.put(key, result);
            if (kept == null) {
                return result;
            }
            hand(kept, operation);
            return kept.result();
        });
    }

    /** Leaves the kept result's JSON text for GraphQLRoute, which writes it as it is and keeps it as ResponseBytes. */
    private static void hand(ResponseCache.Kept kept, String operation) {
        RoutingContext http = CurrentRequest.get();
        if (http != null) {
            http.put(GraphQLRoute.KEPT, new GraphQLRoute.KeptAnswer(kept.json(),
                    Installer.METRICS.tagName(operation)));
        }
    }

    /**
     * Installs the strategy when SmallRye builds its GraphQL instance (found by ServiceLoader, also in native), and
     * has the depth and complexity limits SmallRye configured checked once per query (see CheckedOnce). Documents
     * may be as long as a loadAds of 1,000 ads (jobstats.graphql.max-tokens).
     */
    public static class Installer implements EventingService {

        /** One for the application: ResponseBytes records its answers with the same bounded operation names. */
        static final OperationMetrics METRICS = new OperationMetrics();

        static GraphQLHttpConfig http() {
            return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(GraphQLHttpConfig.class);
        }

        @Override
        public String getConfigKey() {
            return null;
        }

        @Override
        public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
            // The builder does not tell its instrumentation; a GraphQL built from it does.
            List<Instrumentation> chain = new ArrayList<>();
            Instrumentation configured = builder.build().getInstrumentation();
            if (configured instanceof ChainedInstrumentation c) {
                c.getInstrumentations().stream()
                        .filter(i -> !(i instanceof MaxQueryDepthInstrumentation || i instanceof MaxQueryComplexityInstrumentation))
                        .forEach(chain::add);
            } else if (configured != null && !(configured instanceof MaxQueryDepthInstrumentation
                    || configured instanceof MaxQueryComplexityInstrumentation)) {
                chain.add(configured);
            }
            // SmallRye's limits again, with coded errors and the complexity counted in values (see QueryCost).
            Config config = ConfigProvider.getConfig();
            GraphQLHttpConfig http = http();
            ParserOptions parsing = ParserOptions.getDefaultOperationParserOptions().transform(o -> o
                    .maxTokens(http.maxTokens())
                    .maxCharacters((int) Math.min(Integer.MAX_VALUE, http.maxBodySize().asLongValue())));
            ParserOptions.setDefaultOperationParserOptions(parsing);
            int depth = config.getValue("quarkus.smallrye-graphql.instrumentation-query-depth", Integer.class);
            int cost = config.getValue("quarkus.smallrye-graphql.instrumentation-query-complexity", Integer.class);
            chain.add(0, new CheckedOnce(new MaxQueryDepthInstrumentation(depth, info -> {
                throw new QueryRefused("QUERY_TOO_DEEP", "The operation is " + info.getDepth()
                        + " fields deep; at most " + depth + " are allowed");
            }), http.checkedQueries()));
            chain.add(1, new CheckedOnce(new MaxQueryComplexityInstrumentation(cost, new QueryCost(cost), info -> {
                throw new QueryRefused("QUERY_TOO_COMPLEX", "The answer could hold " + info.getComplexity()
                        + " values; at most " + cost + " are allowed: ask for fewer aliases, shorter lists or less nesting");
            }), http.checkedQueries()));
            chain.add(new RequestDeadline(http.requestTimeout()));
            chain.add(new ValidationErrorCodes());
            chain.add(METRICS);
            chain.add(new ReadTracking());
            builder.instrumentation(new ChainedInstrumentation(chain));
            return builder.queryExecutionStrategy(new CachingQueryStrategy());
        }
    }
}
