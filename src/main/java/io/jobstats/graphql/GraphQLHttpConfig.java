package io.jobstats.graphql;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** What one GraphQL request may cost, and how its answers may be cached by browsers and CDNs. */
@ConfigMapping(prefix = "jobstats.graphql")
public interface GraphQLHttpConfig {

    /** The time one operation may take (RequestDeadline); each read statement is bounded as well (jobstats.read.*). */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /**
     * The largest request body read (POST /ads streams its own, of any size): 1,000 ads with descriptions of
     * ~1,500 characters, inline in a loadAds mutation, are about 2 MB.
     */
    @WithDefault("16M")
    MemorySize maxBodySize();

    /**
     * The most tokens a document may have (graphql-java's default, 15,000, refuses 1,000 inline ads); a document is
     * also bounded by maxBodySize in characters.
     */
    @WithDefault("250000")
    int maxTokens();

    /**
     * How long a browser or CDN may reuse a GET answer without asking again (Cache-Control max-age). After that it
     * revalidates with its ETag, which names the data version: 304 until a load changes the data.
     */
    @WithDefault("PT1M")
    Duration cacheMaxAge();

    /**
     * How many distinct operations' verdicts of the depth and complexity limits are remembered (CheckedOnce), so
     * that a repeated query is not walked again.
     */
    @WithDefault("10000")
    int checkedQueries();

    /** How many operation names become metric tags; later names count as "other" (OperationMetrics). */
    @WithDefault("200")
    int maxOperationNames();

    /** Automatic persisted queries: query texts kept by their SHA-256 hash. */
    PersistedQueries persistedQueries();

    interface PersistedQueries {
        /** Heap for the texts kept (each weighed at twice its length, UTF-16). */
        @WithDefault("16M")
        MemorySize maxBytes();

        /** The longest text kept; a longer one runs but is not kept, so it cannot be sent by hash alone. */
        @WithDefault("100000")
        int maxQueryLength();
    }
}
