package io.jobstats.api;

import com.github.benmanes.caffeine.cache.Cache;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.smallrye.graphql.execution.ExecutionResponse;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whole query results by query and data version. A popular page is the same request over and over: served from
 * here it skips the per-field work of the execution (~300 fields for the reference page), which the per-figure
 * caches below it cannot. A load raises the data version, which is part of the key, so a result computed before it
 * is never served after it, on any pod. Bounded in bytes (ResponseCacheConfig); hits and misses in /q/metrics as
 * {@code cache_gets_total{cache="graphql-responses"}}.
 */
@ApplicationScoped
@Unremovable // looked up by CachingQueryStrategy, which CDI does not create
public class ResponseCache {

    /**
     * Longer queries (and request bodies, see ResponseBytes) are answered but not kept: a few padded requests must not
     * fill the heap (the reference page's is 2 KB).
     */
    static final int MAX_KEPT = 64 * 1024;

    /** A kept result's heap, per byte of its JSON text (see ResponseCacheConfig). */
    private static final int HEAP_PER_JSON_BYTE = 10;

    /** The GraphQL context entry holding the data version a request is computed at. */
    static final String VERSION = "jobstats.dataVersion";

    record Key(QueryKey query, long version) {
    }

    private record Kept(ExecutionResult result, int weight) {
    }

    @Inject
    ResponseCacheConfig config;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.cache.enabled", defaultValue = "true")
    boolean enabled;

    private Cache<Key, Kept> cache;

    @PostConstruct
    void create() {
        cache = WeighedCache.create("graphql-responses", config.resultsMaxBytes().asLongValue(),
                (Key k, Kept v) -> v.weight() + 2 * k.query().query().length(), config.expireAfterWrite(), registry);
    }

    ExecutionResult get(Key key) {
        Kept hit = enabled ? cache.getIfPresent(key) : null;
        return hit == null ? null : hit.result();
    }

    /**
     * Keeps an error-free result and returns what to answer with: the same data as a JSON tree, which SmallRye
     * writes out as it is, so a hit does not rebuild the response's JSON field by field either. A query over
     * MAX_KEPT or an answer over the largest entry is not kept, and its result is answered as it is.
     */
    ExecutionResult put(Key key, ExecutionResult result) {
        if (!enabled || key.query().query().length() > MAX_KEPT) {
            return result;
        }
        JsonObject json = new ExecutionResponse(result).getExecutionResultAsJsonObject();
        long length = json.toString().length();
        if (length > config.maxEntryBytes().asLongValue()) {
            return result;
        }
        ExecutionResult kept = ExecutionResultImpl.newExecutionResult()
                .data(json.get("data"))
                .extensions(result.getExtensions())
                .build();
        cache.put(key, new Kept(kept, (int) Math.min(Integer.MAX_VALUE, length * HEAP_PER_JSON_BYTE)));
        return kept;
    }

    /** The weight held, for tests and metrics: the cache's estimate of its heap in bytes. */
    long weightedSize() {
        cache.cleanUp();
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}
