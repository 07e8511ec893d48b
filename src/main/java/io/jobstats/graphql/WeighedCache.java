package io.jobstats.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Weigher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Duration;

/**
 * A cache of answers bounded in bytes, its hits and misses in /q/metrics as {@code cache_gets_total{cache=name}}.
 * Caffeine makes such a cache from a generated class named after its features (strong keys and values, stats,
 * maximum, weigher, expiry after write: SSSMWW), found by reflection; Quarkus registers the classes of the caches
 * it builds itself, not these, so a native executable needs them named here.
 */
@RegisterForReflection(classNames = {"com.github.benmanes.caffeine.cache.SSSMWW", "com.github.benmanes.caffeine.cache.SSMWW",
        "com.github.benmanes.caffeine.cache.PSWMW"})
final class WeighedCache {

    private WeighedCache() {
    }

    static <K, V> Cache<K, V> create(String name, long maxBytes, Weigher<K, V> bytes, Duration expireAfterWrite,
                                     MeterRegistry registry) {
        Cache<K, V> cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher(bytes)
                .expireAfterWrite(expireAfterWrite)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, cache, name);
        return cache;
    }
}
