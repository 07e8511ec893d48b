package io.jobstats.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Weigher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import java.time.Duration;

/** A cache of answers bounded in bytes, its hits and misses in /q/metrics as {@code cache_gets_total{cache=name}}. */
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
