package io.jobstats.api;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.instrumentation.ChainedInstrumentation;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.execution.error.ExceptionHandler;
import io.smallrye.graphql.spi.EventingService;

import java.util.concurrent.CompletableFuture;

/**
 * graphql-java's default query strategy in front of the {@link ResponseCache}. It sits inside the execution, so
 * parsing, validation and the depth and complexity limits still apply to every request, and only queries pass
 * through it (mutations have their own strategy). Results with errors are not kept: the next request tries again.
 */
public class CachingQueryStrategy extends AsyncExecutionStrategy {

    CachingQueryStrategy() {
        // SmallRye's handler, as the strategy graphql-java would build by default has: errors keep their codes.
        super(new ExceptionHandler());
    }

    @Override
    public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
        ResponseCache cache = Arc.container().instance(ResponseCache.class).get();
        long version = cache.version();
        // Every figure of the request is computed at this version, so the result is what the key says it is.
        context.getGraphQLContext().put(ResponseCache.VERSION, version);
        ResponseCache.Key key = new ResponseCache.Key(QueryKey.of(context), version);
        ExecutionResult cached = cache.get(key);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return super.execute(context, parameters).thenApply(result ->
                result.getErrors().isEmpty() && context.getErrors().isEmpty() && !context.hasIncrementalSupport()
                        ? cache.put(key, result) : result);
    }

    /**
     * Installs the strategy when SmallRye builds its GraphQL instance (found by ServiceLoader, also in native), and
     * has the depth and complexity limits SmallRye configured checked once per query (see CheckedOnce).
     */
    public static class Installer implements EventingService {

        @Override
        public String getConfigKey() {
            return null;
        }

        @Override
        public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
            // The builder does not tell its instrumentation; a GraphQL built from it does.
            if (builder.build().getInstrumentation() instanceof ChainedInstrumentation chain) {
                builder.instrumentation(new ChainedInstrumentation(chain.getInstrumentations().stream()
                        .map(i -> i instanceof MaxQueryDepthInstrumentation || i instanceof MaxQueryComplexityInstrumentation
                                ? new CheckedOnce(i) : i)
                        .toList()));
            }
            return builder.queryExecutionStrategy(new CachingQueryStrategy());
        }
    }
}
