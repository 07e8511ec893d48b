package io.jobstats.graphql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The bounds of the caches of whole answers (ResponseCache, ResponseBytes): in bytes, not entries. */
@ConfigMapping(prefix = "jobstats.response-cache")
public interface ResponseCacheConfig {

    /**
     * Heap for kept query results. A result is weighed at eleven times its JSON text (the text kept beside
     * its JSON tree for ResponseBytes, which shares it): a reference page's 13 KB of JSON
     * measured ~150 KB of heap as a JSON tree with its parsed query.
     */
    @WithDefault("64M")
    io.quarkus.runtime.configuration.MemorySize resultsMaxBytes();

    /** Heap for kept response bodies (weighed at their length plus their request body's). */
    @WithDefault("32M")
    io.quarkus.runtime.configuration.MemorySize bytesMaxBytes();

    /** The longest answer kept, in JSON bytes; a longer one is answered but not kept. */
    @WithDefault("1M")
    io.quarkus.runtime.configuration.MemorySize maxEntryBytes();

    /**
     * The longest query text whose answer is kept, in characters: longer ones are answered but not kept, so that a
     * few padded requests cannot fill the heap (the reference page's is 2 KB).
     */
    @WithDefault("65536")
    int maxQueryLength();

    /** Entries of an older data version are never read again; this lets them go. */
    @WithDefault("PT1H")
    Duration expireAfterWrite();
}
