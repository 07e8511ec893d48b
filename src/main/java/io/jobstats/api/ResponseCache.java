package io.jobstats.api;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import io.quarkus.arc.Unremovable;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.graphql.execution.ExecutionResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.CompletableFuture;

/**
 * Whole query results by query and data version. A popular page is the same request over and over: served from
 * here it skips the per-field work of the execution (~300 fields for the reference page), which the per-figure
 * caches below it cannot. A load raises the data version, which is part of the key, so a result computed before it
 * is never served after it, on any pod.
 */
@ApplicationScoped
@Unremovable // looked up by CachingQueryStrategy, which CDI does not create
public class ResponseCache {

    /**
     * Longer queries (and request bodies, see ResponseBytes) are answered but not kept: a few padded requests must not
     * fill the heap (the reference page's is 2 KB).
     */
    static final int MAX_KEPT = 64 * 1024;

    /** The GraphQL context entry holding the data version a request is computed at. */
    static final String VERSION = "jobstats.dataVersion";

    record Key(QueryKey query, long version) {
    }

    @Inject
    @CacheName("graphql-responses")
    Cache cache;

    ExecutionResult get(Key key) {
        CompletableFuture<ExecutionResult> hit = caffeine() == null ? null : caffeine().getIfPresent(key);
        return hit == null ? null : hit.getNow(null);
    }

    /**
     * Keeps an error-free result and returns what to answer with: the same data as a JSON tree, which SmallRye
     * writes out as it is, so a hit does not rebuild the response's JSON field by field either. A query over
     * MAX_KEPT is not kept, and its result is answered as it is.
     */
    ExecutionResult put(Key key, ExecutionResult result) {
        if (key.query().query().length() > MAX_KEPT) {
            return result;
        }
        ExecutionResult kept = ExecutionResultImpl.newExecutionResult()
                .data(new ExecutionResponse(result).getExecutionResultAsJsonObject().get("data"))
                .extensions(result.getExtensions())
                .build();
        if (caffeine() != null) {
            caffeine().put(key, CompletableFuture.completedFuture(kept));
        }
        return kept;
    }

    /** Null when caching is switched off (quarkus.cache.enabled=false), which makes this a pass-through. */
    private CaffeineCache caffeine() {
        return cache instanceof CaffeineCache c ? c : null;
    }
}
