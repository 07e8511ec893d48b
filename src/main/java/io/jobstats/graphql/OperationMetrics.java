package io.jobstats.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per GraphQL operation: a timer {@code graphql.operations} by operation name, type and outcome (success, or error
 * when the answer has errors: HTTP still says 200 for most of them), and a counter {@code graphql.errors} by code.
 * Operation names are the client's to choose, so only the first jobstats.graphql.max-operation-names seen are tags; later ones count
 * as "other". Answers the route serves without running them (ResponseBytes, 304) are recorded by GraphQLRoute with the same
 * meters, and so are the errors of requests refused before they run.
 */
final class OperationMetrics implements Instrumentation {

    /** Read on first use: the instance is made as SmallRye loads its extensions, before configuration mappings are. */
    private volatile int maxNames = -1;
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    private static final class Operation implements InstrumentationState {
        volatile String type = "unknown";
        volatile String name;
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new Operation());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        if (state instanceof Operation op) {
            var definition = parameters.getExecutionContext().getOperationDefinition();
            op.type = definition.getOperation().name().toLowerCase(java.util.Locale.ROOT);
            op.name = definition.getName();
        }
        return null;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        long start = System.nanoTime();
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
            Operation op = state instanceof Operation o ? o : new Operation();
            boolean ok = failure == null && result != null && result.getErrors().isEmpty();
            record(registry(), tagName(op.name), op.type, ok, "execution", System.nanoTime() - start);
            if (result != null) {
                result.getErrors().forEach(e -> recordError(registry(), ErrorCodes.of(e)));
            }
        });
    }

    static void recordError(MeterRegistry registry, String code) {
        Counter.builder("graphql.errors").description("GraphQL errors answered, by code")
                .tag("code", code == null ? "INTERNAL_SERVER_ERROR" : code).register(registry).increment();
    }

    /** The operation's name as a tag: bounded in number, so a client cannot make meters without end. */
    String tagName(String name) {
        if (name == null) {
            return "anonymous";
        }
        if (maxNames < 0) {
            maxNames = CachingQueryStrategy.Installer.http().maxOperationNames();
        }
        if (names.contains(name) || (names.size() < maxNames && names.add(name))) {
            return name;
        }
        return "other";
    }

    static void record(MeterRegistry registry, String name, String type, boolean ok, String servedBy, long nanos) {
        Timer.builder("graphql.operations").description("GraphQL operations answered, by name, type and outcome")
                .tag("operation", name).tag("type", type).tag("outcome", ok ? "success" : "error").tag("served", servedBy)
                .register(registry).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static MeterRegistry registry() {
        return Arc.container().instance(MeterRegistry.class).get();
    }
}
