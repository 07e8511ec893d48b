package io.jobstats.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whole response bodies of error-free queries, answered again as they are: a repeat of a request costs the data
 * version's read and the write (even from the ResponseCache, SmallRye would write the ~13 KB of JSON of the
 * reference page anew each time, most of what such a request cost). The key is what the body depends on: the
 * query, operation and variables (a GET and a POST of the same query share it), the response's media type and the
 * data version. Bounded in bytes (ResponseCacheConfig).
 */
@ApplicationScoped
public class ResponseBytes {

    record Key(String query, String operationName, String variables, String mediaType, long version) {

        static Key of(GraphQLRequest r, String mediaType, long version) {
            return new Key(r.query(), r.operationName(), r.variables() == null ? null : r.variables().toString(), mediaType, version);
        }

        int chars() {
            return query.length() + (variables == null ? 0 : variables.length()) + (operationName == null ? 0 : operationName.length());
        }
    }

    /**
     * A kept answer, with the operation it answers (for the operation metrics), and its compressed forms, each made
     * on first use.
     */
    static final class Answer {
        private final byte[] body;
        private final String operation;
        private volatile byte[] brotli;
        private volatile byte[] gzip;

        Answer(byte[] body, String operation) {
            this.body = body;
            this.operation = operation;
        }

        String operation() {
            return operation;
        }

        /** The body in a content coding (ContentCoding), or as it is for null. */
        byte[] body(String coding) {
            if (coding == null) {
                return body;
            }
            if (coding.equals(ContentCoding.BROTLI)) {
                byte[] b = brotli;
                return b != null ? b : (brotli = ContentCoding.encode(body, coding));
            }
            byte[] g = gzip;
            return g != null ? g : (gzip = ContentCoding.encode(body, coding));
        }

        /** The heap it may come to hold: the body, and its two compressed forms at up to a quarter of it each. */
        int weight() {
            return body.length + body.length / 2;
        }
    }

    @Inject
    ResponseCacheConfig config;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.cache.enabled", defaultValue = "true")
    boolean enabled;

    private Cache<Key, Answer> cache;

    @PostConstruct
    void create() {
        cache = WeighedCache.create("graphql-response-bytes", config.bytesMaxBytes().asLongValue(),
                (Key k, Answer a) -> a.weight() + 2 * k.chars(), config.expireAfterWrite(), registry);
    }

    Answer get(Key key) {
        return enabled && key.query().length() <= config.maxQueryLength() ? cache.getIfPresent(key) : null;
    }

    void keep(Key key, byte[] body, String operation) {
        if (enabled && key.query().length() <= config.maxQueryLength() && body.length <= config.maxEntryBytes().asLongValue()) {
            cache.put(key, new Answer(body, operation));
        }
    }
}
