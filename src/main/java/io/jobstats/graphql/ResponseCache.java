package io.jobstats.graphql;

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

import java.nio.charset.StandardCharsets;

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
     * A kept result's heap, per byte of its JSON text (see ResponseCacheConfig): ten for the JSON tree, one for the
     * text itself, kept beside it for ResponseBytes.
     */
    private static final int HEAP_PER_JSON_BYTE = 11;

    record Key(QueryKey query, long version) {
    }

    /** A kept result, and its response as SmallRye writes it (UTF-8 JSON), so that it is written once. */
    record Kept(ExecutionResult result, byte[] json) {
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
                (Key k, Kept v) -> (int) Math.min(Integer.MAX_VALUE, (long) HEAP_PER_JSON_BYTE * v.json().length)
                        + 2 * k.query().query().length(), config.expireAfterWrite(), registry);
    }

    Kept get(Key key) {
        return enabled ? cache.getIfPresent(key) : null;
    }

    /**
     * Keeps an error-free result and returns what to answer with: the same data as a JSON tree, which SmallRye
     * writes out as it is, so a hit does not rebuild the response's JSON field by field either; and the response's
     * bytes. Null when it is not kept (a query over maxQueryLength, an answer over the largest entry): the result is then
     * answered as it is.
     */
    Kept put(Key key, ExecutionResult result) {
        if (!enabled || key.query().query().length() > config.maxQueryLength()) {
            return null;
        }
        JsonObject response = new ExecutionResponse(result).getExecutionResultAsJsonObject();
        // What SmallRye writes for it: ExecutionResponse's text is its JSON object's.
        byte[] json = response.toString().getBytes(StandardCharsets.UTF_8);
        if (json.length > config.maxEntryBytes().asLongValue()) {
            return null;
        }
        Kept kept = new Kept(ExecutionResultImpl.newExecutionResult()
                .data(response.get("data"))
                .extensions(result.getExtensions())
                .build(), json);
        cache.put(key, kept);
        return kept;
    }

    /** The weight held, for tests and metrics: the cache's estimate of its heap in bytes. */
    long weightedSize() {
        cache.cleanUp();
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}
