package io.jobstats.health;

import io.jobstats.EmbeddedPostgresResource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtHandler;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator can switch on by configuration alone: JSON logs and OpenTelemetry traces (both off by default). */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(OperatorOptionsTest.JsonLogsAndTraces.class)
class OperatorOptionsTest {

    public static class JsonLogsAndTraces implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.console.json.enabled", "true",
                    "quarkus.otel.sdk.disabled", "false",
                    // No collector here: the OTLP exporter's endpoint is a closed port; the in-memory one is read.
                    "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:9");
        }
    }

    /** Exports the spans into memory, beside the OTLP exporter (quarkus.otel.traces.exporter=cdi takes every one). */
    @ApplicationScoped
    static class Spans {
        @Produces
        @ApplicationScoped
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aRequestIsTraced() throws InterruptedException {
        given().contentType("application/json").body(Map.of("query", "{ categories { name } }")).post("/graphql").then().statusCode(200);
        List<SpanData> finished = List.of();
        for (int i = 0; i < 50 && finished.stream().noneMatch(s -> s.getName().contains("graphql")); i++) {
            Thread.sleep(100);
            finished = spans.getFinishedSpanItems();
        }
        assertTrue(finished.stream().anyMatch(s -> s.getName().contains("graphql")), "a span of the request: " + finished);
    }

    @Test
    void theConsoleWritesJson() {
        assertTrue(json(Logger.getLogger("").getHandlers()), "a console handler with a JSON formatter");
    }

    /** Whether a handler, or one Quarkus wraps in another, formats as JSON. */
    private static boolean json(Handler[] handlers) {
        return Arrays.stream(handlers).anyMatch(h -> (h.getFormatter() != null
                && h.getFormatter().getClass().getName().toLowerCase().contains("json"))
                || (h instanceof ExtHandler ext && json(ext.getHandlers())));
    }
}
