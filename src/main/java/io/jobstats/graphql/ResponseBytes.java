package io.jobstats.api;

import com.github.benmanes.caffeine.cache.Cache;
import io.jobstats.database.DataVersion;
import io.jobstats.database.DatabaseUnavailableException;
import io.jobstats.database.StatementTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.Optional;

/**
 * A repeated POST of the same GraphQL request body answered with the bytes its first answer had, in front of
 * SmallRye's handler. Even from the ResponseCache, SmallRye parses the request and writes the result's JSON text
 * anew each time (for the reference page, ~13 KB: most of what such a request cost); here a repeat costs the
 * data-version read and the write. The key is the exact body, the Accept header (it sets the response's type) and
 * the data version, which the request then runs at; the cache is bounded in bytes (ResponseCacheConfig). Only
 * CachingQueryStrategy fills it, with error-free query results, so anything else (a mutation, an error, a request
 * this route does not take) goes through as before. It runs after the read policy (ReadPolicy), like SmallRye's route.
 */
@ApplicationScoped
public class ResponseBytes {

    /** The routing-context entry holding the key a missed request's answer is to be kept under. */
    static final String KEY = "jobstats.responseBytesKey";

    record Key(String body, String accept, long version) {
    }

    /** A kept answer, with the operation it answers (for the operation metrics). */
    record Answer(String contentType, byte[] body, String operation, String type) {
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
                (Key k, Answer a) -> a.body().length + 2 * k.body().length(), config.expireAfterWrite(), registry);
    }

    @Inject
    DataVersion dataVersion;

    @Inject
    GraphQLEndpoint endpoint;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    /**
     * Order -1: after the handlers Quarkus puts first (access log, headers, upload limit: orders -2 and below), before
     * the GraphQL route, whose own body handler then finds the body read.
     */
    void route(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false);
        maxBodySize.ifPresent(m -> body.setBodyLimit(m.asLongValue()));
        router.post(endpoint.path()).order(-1).handler(body).blockingHandler(this::serve, false);
    }

    void serve(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        // SmallRye also takes the query as a GraphQL document or in URL parameters: those go to it as they are.
        if (!enabled || type == null || !type.startsWith("application/json") || !ctx.queryParams().isEmpty()
                || ctx.body().buffer() == null || ctx.body().length() > ResponseCache.MAX_KEPT) {
            ctx.next();
            return;
        }
        long version;
        try {
            version = dataVersion.current();
        } catch (DatabaseUnavailableException | StatementTimeoutException e) {
            ctx.next(); // SmallRye's route answers it, with the error and its status
            return;
        }
        Key key = new Key(ctx.body().asString(), ctx.request().getHeader(HttpHeaders.ACCEPT), version);
        Answer answer = cache.getIfPresent(key);
        if (answer != null) {
            OperationMetrics.record(registry, answer.operation(), answer.type(), true, "response-bytes", 0);
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType()).setStatusCode(200)
                    .end(Buffer.buffer(answer.body()));
            return;
        }
        ctx.put(ResponseCache.VERSION, version);
        ctx.put(KEY, key);
        ctx.next();
    }

    /**
     * Keeps the bytes SmallRye writes for an error-free query result (its ExecutionResponse text in UTF-8, made once by
     * ResponseCache), when this route took the request and the client asked for no other charset.
     */
    void keep(RoutingContext ctx, byte[] body, String operation) {
        Key key = ctx == null ? null : ctx.get(KEY);
        String type = ctx == null ? null : ctx.response().headers().get(HttpHeaders.CONTENT_TYPE);
        if (key == null || type == null || !enabled) {
            return;
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (t.contains("charset=") && !t.contains("charset=utf-8")) {
            return;
        }
        if (body.length <= config.maxEntryBytes().asLongValue()) {
            cache.put(key, new Answer(type, body, CachingQueryStrategy.Installer.METRICS.tagName(operation), "query"));
        }
    }
}
