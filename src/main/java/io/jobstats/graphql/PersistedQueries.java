package io.jobstats.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Automatic Persisted Queries, Apollo's protocol: a client sends a query's SHA-256 hash alone
 * ({"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "..."}}}); when the text is not held it answers
 * PERSISTED_QUERY_NOT_FOUND and the client sends hash and text together, which are kept once the text has run (so
 * only valid documents take room). A page's GET is then a short URL that a browser or CDN can cache. Bounded in
 * bytes (jobstats.graphql.persisted-queries.*); a text evicted is sent again on its next use, as the protocol expects.
 */
@ApplicationScoped
public class PersistedQueries {

    static final String NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";

    @Inject
    GraphQLHttpConfig config;

    @Inject
    MeterRegistry registry;

    private Cache<String, String> texts;

    @PostConstruct
    void create() {
        texts = WeighedCache.create("graphql-persisted-queries", config.persistedQueries().maxBytes().asLongValue(),
                (String hash, String text) -> 2 * (hash.length() + text.length()), java.time.Duration.ofDays(7), registry);
    }

    /**
     * The request with its text: as sent, after checking it against its hash, or the one held for the hash.
     * Unreadable when the hash does not match the text or names no text held.
     */
    GraphQLRequest resolve(GraphQLRequest request) {
        String hash = request.persistedHash();
        if (hash == null) {
            return request;
        }
        if (request.query() != null) {
            if (!hash.equals(sha256(request.query()))) {
                throw new GraphQLRequest.Unreadable(400, "BAD_REQUEST", "extensions.persistedQuery.sha256Hash is not the "
                        + "SHA-256 of the query sent");
            }
            return request;
        }
        String text = texts.getIfPresent(hash);
        if (text == null) {
            // Apollo's clients look for this message and code, then send the text; 200, as Apollo Server answers.
            throw new GraphQLRequest.Unreadable(200, NOT_FOUND, "PersistedQueryNotFound");
        }
        return request.withQuery(text);
    }

    /** Keeps a text that ran, under the hash it was sent with. */
    void keep(GraphQLRequest request) {
        String hash = request.persistedHash();
        if (hash != null && request.query() != null && request.query().length() <= config.persistedQueries().maxQueryLength()) {
            texts.put(hash, request.query());
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
