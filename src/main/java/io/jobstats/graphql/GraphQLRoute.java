package io.jobstats.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.jobstats.database.DataVersion;
import io.jobstats.database.DatabaseUnavailableException;
import io.jobstats.database.StatementTimeoutException;
import io.jobstats.security.SecurityConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.quarkus.jsonp.JsonProviderHolder.jsonProvider;

/**
 * The GraphQL endpoint: every request to /graphql goes through here, and SmallRye's execution (its schema, data
 * fetchers, error mapping and events) does the rest. In front of it, once per request:
 * <ul>
 * <li>the request is read from a POST body or GET parameters (GET for queries only: 405 for a mutation);</li>
 * <li>a persisted query's text is found by its hash (PersistedQueries);</li>
 * <li>the data version is read once and pinned for the request (RequestVersion);</li>
 * <li>a GET whose ETag (data version and request) the client holds is answered 304, and a request answered before
 * at this version gets the same bytes (ResponseBytes), with the same metrics as one that runs;</li>
 * <li>the response's type follows Accept, and its status the GraphQL-over-HTTP spec: with
 * application/graphql-response+json a request error (parse, validation, variables, limits) is 400.</li>
 * </ul>
 * Authentication has already run: the read policy (ReadPolicy) guards this path before any handler of it.
 */
@ApplicationScoped
public class GraphQLRoute {

    private static final Logger LOG = Logger.getLogger(GraphQLRoute.class);

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String JSON = "application/json";

    /** Where CachingQueryStrategy leaves the JSON text of a result it kept, so that it is written once. */
    static final String KEPT = "jobstats.keptAnswer";

    record KeptAnswer(byte[] json, String operation) {
    }

    /** The statuses of a response without data, by its first error's code (any response type). */
    private static final Map<String, Integer> STATUS_BY_CODE = Map.of(
            "UNAUTHENTICATED", 401,
            "FORBIDDEN", 403,
            "SERVICE_UNAVAILABLE", 503,
            "TIMEOUT", 504);

    @Inject
    GraphQLEndpoint endpoint;

    @Inject
    GraphQLHttpConfig config;

    @Inject
    SecurityConfig security;

    @Inject
    PersistedQueries persisted;

    @Inject
    ResponseBytes bytes;

    @Inject
    DataVersion dataVersion;

    @Inject
    RequestVersion requestVersion;

    @Inject
    MeterRegistry registry;

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    ExecutionService execution;

    @ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false")
    boolean compression;

    /**
     * Order -1: after the handlers Quarkus puts first (access log, security, upload limit) and RequestGuard (-3),
     * before SmallRye's own route for the same path, which this one answers for.
     */
    void route(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(config.maxBodySize().asLongValue());
        router.route(endpoint.path()).order(-1).handler(body).blockingHandler(this::handle, false);
    }

    void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.POST) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, POST");
            error(ctx, 405, JSON, false, "METHOD_NOT_ALLOWED", "GraphQL is served over GET (queries) and POST", null);
            return;
        }
        String type = responseType(ctx.request().getHeader(HttpHeaders.ACCEPT));
        if (type == null) {
            error(ctx, 406, JSON, false, "NOT_ACCEPTABLE", "Accept application/graphql-response+json or application/json", null);
            return;
        }
        boolean get = method == HttpMethod.GET;
        GraphQLRequest request;
        long version;
        try {
            request = persisted.resolve(GraphQLRequest.read(ctx));
            if (request.query() == null || request.query().isBlank()) {
                throw new GraphQLRequest.Unreadable(400, "BAD_REQUEST", "The request has no query");
            }
            version = dataVersion.current();
        } catch (GraphQLRequest.Unreadable e) {
            error(ctx, e.status, type, get, e.code, e.getMessage(), null);
            return;
        } catch (DatabaseUnavailableException | StatementTimeoutException e) {
            String code = ErrorCodes.of(e);
            error(ctx, STATUS_BY_CODE.get(code), type, get, code, e.getMessage(), null);
            return;
        }
        String etag = get ? etag(request, type, version) : null;
        if (etag != null && notModified(ctx, etag)) {
            cacheable(ctx, etag).setStatusCode(304).end();
            OperationMetrics.record(registry, CachingQueryStrategy.Installer.METRICS.tagName(request.operationName()), "query",
                    true, "not-modified", 0);
            return;
        }
        ResponseBytes.Key key = ResponseBytes.Key.of(request, type, version);
        ResponseBytes.Answer answer = bytes.get(key);
        if (answer != null) {
            OperationMetrics.record(registry, answer.operation(), "query", true, "response-bytes", 0);
            if (etag != null) {
                cacheable(ctx, etag);
            }
            String coding = compression ? ContentCoding.choose(ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING)) : null;
            if (coding != null) {
                // Set here, the HTTP server sends the body as it is (compressed once, when first asked for so).
                ctx.response().putHeader(HttpHeaders.CONTENT_ENCODING, coding).putHeader(HttpHeaders.VARY, "Accept, Accept-Encoding");
            }
            send(ctx, 200, type, answer.body(coding));
            return;
        }
        if (get && !readsOnly(request)) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            error(ctx, 405, type, true, "METHOD_NOT_ALLOWED", "GET runs queries only; send a mutation with POST", null);
            return;
        }
        execute(ctx, request, type, version, key, etag);
    }

    private void execute(RoutingContext ctx, GraphQLRequest request, String type, long version, ResponseBytes.Key key,
                         String etag) {
        // As SmallRye's own endpoint: a request context for the execution, ended when the response is.
        ManagedContext requestContext = Arc.container().requestContext();
        ctx.response().endHandler(v -> terminate(requestContext)).closeHandler(v -> terminate(requestContext));
        if (!requestContext.isActive()) {
            requestContext.activate();
        }
        try {
            QuarkusHttpUser user = (QuarkusHttpUser) ctx.user();
            if (user != null) {
                identity.setIdentity(user.getSecurityIdentity());
            } else {
                identity.setIdentity(QuarkusHttpUser.getSecurityIdentity(ctx, null));
            }
            currentRequest.setCurrent(ctx);
            requestVersion.pin(version);
            Map<String, Object> metaData = new ConcurrentHashMap<>();
            metaData.put("runBlocking", true);
            metaData.put("httpHeaders", headers(ctx));
            metaData.put("state", requestContext.getState());
            execution.executeAsync(request.toJson(), metaData, new Writer(ctx, request, type, key, etag));
            SmallRyeContextManager.clearCurrentSmallRyeContext();
            requestContext.deactivate();
        } catch (RuntimeException | Error e) {
            terminate(requestContext);
            throw e;
        }
    }

    private static void terminate(ManagedContext requestContext) {
        SmallRyeContextManager.clearCurrentSmallRyeContext();
        requestContext.terminate();
    }

    /** Writes what the execution answered, and keeps what can be answered again. */
    private final class Writer implements ExecutionResponseWriter {
        private final RoutingContext ctx;
        private final GraphQLRequest request;
        private final String type;
        private final ResponseBytes.Key key;
        private final String etag;

        Writer(RoutingContext ctx, GraphQLRequest request, String type, ResponseBytes.Key key, String etag) {
            this.ctx = ctx;
            this.request = request;
            this.type = type;
            this.key = key;
            this.etag = etag;
        }

        @Override
        public void write(ExecutionResponse response) {
            ExecutionResult result = response.getExecutionResult();
            if (unparseable(result)) {
                parseError(ctx, type, request);
                return;
            }
            if (result.isDataPresent()) {
                persisted.keep(request);
            }
            KeptAnswer kept = ctx.get(KEPT);
            byte[] body;
            if (kept != null && result.getErrors().isEmpty()) {
                body = kept.json();
                bytes.keep(key, body, kept.operation());
                if (etag != null) {
                    cacheable(ctx, etag);
                }
            } else {
                String json = result.getErrors().isEmpty() ? response.getExecutionResultAsString()
                        : ErrorCodes.complete(response.getExecutionResultAsJsonObject(), result.getErrors()).toString();
                body = json.getBytes(StandardCharsets.UTF_8);
                if (etag != null) {
                    // A GET that ran: cacheable when it succeeded, even if its answer was too large to keep here.
                    if (result.getErrors().isEmpty()) {
                        cacheable(ctx, etag);
                    } else {
                        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                    }
                }
            }
            send(ctx, status(result, type), type, body);
        }

        @Override
        public void fail(Throwable t) {
            LOG.error("A GraphQL request failed", t);
            error(ctx, 500, type, etag != null, ErrorCodes.INTERNAL, "The request failed on the server", null);
        }
    }

    /**
     * The status of an answer: 200 when its data is not null (its errors concern single fields) or it has no
     * errors; otherwise (no data, or a non-null root field's error made it null) by
     * its first error's code (401, 403, 503, 504), and with application/graphql-response+json 400 for a request
     * error and 500 for a failure of the server.
     */
    static int status(ExecutionResult result, String type) {
        if (result.getData() != null || result.getErrors().isEmpty()) {
            return 200;
        }
        String code = ErrorCodes.of(result.getErrors().get(0));
        Integer byCode = code == null ? null : STATUS_BY_CODE.get(code);
        if (byCode != null) {
            return byCode;
        }
        if (!GRAPHQL_RESPONSE.equals(type)) {
            return 200;
        }
        return code == null || code.equals(ErrorCodes.INTERNAL) ? 500 : 400;
    }

    /** SmallRye's answer to a document it could not parse, which says neither what nor where. */
    private static boolean unparseable(ExecutionResult result) {
        return !result.isDataPresent() && result.getErrors().size() == 1
                && "Unparseable input document".equals(result.getErrors().get(0).getMessage());
    }

    /** The parser's own error, with its location: GRAPHQL_PARSE_FAILED. */
    private void parseError(RoutingContext ctx, String type, GraphQLRequest request) {
        ParseAndValidateResult parsed = ParseAndValidate.parse(ExecutionInput.newExecutionInput(request.query()).build());
        List<GraphQLError> errors = parsed.getErrors();
        String message = errors.isEmpty() ? "The document could not be parsed" : errors.get(0).getMessage();
        List<SourceLocation> locations = errors.isEmpty() ? List.of() : errors.get(0).getLocations();
        error(ctx, GRAPHQL_RESPONSE.equals(type) ? 400 : 200, type, request.get(), "GRAPHQL_PARSE_FAILED", message, locations);
    }

    /** Whether the operation a GET would run is a query; a document that does not parse runs, to say why. */
    private static boolean readsOnly(GraphQLRequest request) {
        try {
            var document = Parser.parse(ParserEnvironment.newParserEnvironment().document(request.query())
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
            return document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(o -> request.operationName() == null || request.operationName().equals(o.getName()))
                    .allMatch(o -> o.getOperation() == OperationDefinition.Operation.QUERY);
        } catch (InvalidSyntaxException e) {
            return true;
        }
    }

    /** The response's media type from Accept (by quality, then order); null when the client accepts neither JSON type. */
    static String responseType(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON; // as the GraphQL-over-HTTP spec asks of a request without Accept
        }
        String best = null;
        double bestQuality = 0;
        for (HeaderValues range : HeaderValues.of(accept)) {
            String type = switch (range.value()) {
                case GRAPHQL_RESPONSE, "application/graphql+json" -> GRAPHQL_RESPONSE;
                case JSON, "application/*", "*/*" -> JSON;
                default -> null;
            };
            if (type != null && range.quality() > bestQuality) {
                best = type;
                bestQuality = range.quality();
            }
        }
        return best;
    }

    /** Weak: the same answer may go out compressed or not. Names the data version and what the answer depends on. */
    private static String etag(GraphQLRequest request, String type, long version) {
        String of = request.query() + '\u0000' + request.operationName() + '\u0000' + request.variables() + '\u0000' + type;
        return "W/\"" + version + "-" + PersistedQueries.sha256(of).substring(0, 32) + "\"";
    }

    private static boolean notModified(RoutingContext ctx, String etag) {
        String header = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (header == null) {
            return false;
        }
        String bare = etag.substring(2);
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals(bare) || (c.startsWith("W/") && c.substring(2).equals(bare))) {
                return true;
            }
        }
        return false;
    }

    private io.vertx.core.http.HttpServerResponse cacheable(RoutingContext ctx, String etag) {
        String scope = security.readersNeedRole() ? "private" : "public";
        return ctx.response().putHeader(HttpHeaders.ETAG, etag)
                .putHeader(HttpHeaders.CACHE_CONTROL, scope + ", max-age=" + config.cacheMaxAge().toSeconds())
                .putHeader(HttpHeaders.VARY, "Accept, Accept-Encoding");
    }

    private void send(RoutingContext ctx, int status, String type, byte[] body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (compression && "identity".equals(ctx.response().headers().get(HttpHeaders.CONTENT_ENCODING))) {
            // Quarkus marks every response "identity" when compression is on; JSON is worth compressing.
            ctx.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type + "; charset=utf-8")
                .end(Buffer.buffer(body));
    }

    /** An answer with one error and no data, in the GraphQL response format. */
    private void error(RoutingContext ctx, int status, String type, boolean get, String code, String message,
                       List<SourceLocation> locations) {
        JsonObjectBuilder error = jsonProvider().createObjectBuilder().add("message", message);
        if (locations != null && !locations.isEmpty()) {
            JsonArrayBuilder at = jsonProvider().createArrayBuilder();
            locations.forEach(l -> at.add(jsonProvider().createObjectBuilder().add("line", l.getLine()).add("column", l.getColumn())));
            error.add("locations", at);
        }
        error.add("extensions", jsonProvider().createObjectBuilder().add("code", code));
        String json = jsonProvider().createObjectBuilder().add("errors", jsonProvider().createArrayBuilder().add(error)).build().toString();
        if (get) {
            ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        OperationMetrics.recordError(registry, code);
        send(ctx, status, type, json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> headers(RoutingContext ctx) {
        Map<String, List<String>> h = new HashMap<>();
        for (String name : ctx.request().headers().names()) {
            h.put(name, ctx.request().headers().getAll(name));
        }
        return h;
    }
}
