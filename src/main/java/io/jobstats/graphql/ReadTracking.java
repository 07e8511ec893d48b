package io.jobstats.graphql;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;
import io.jobstats.pacing.ReadActivity;
import io.quarkus.arc.Arc;

import java.util.concurrent.CompletableFuture;

/**
 * Tells ReadActivity of each query operation, from the moment its operation is known until its execution ends
 * (answered, failed or cut short), so that background work gives way while pages are served (Pacing). Mutations are
 * left out: a loadAds mutation is the very work that gives way. Answers the route sends without running them
 * (ResponseBytes, 304) cost next to nothing and are left out too.
 */
final class ReadTracking implements Instrumentation {

    /** Looked up on first use: the instance is made as SmallRye loads its extensions, before the beans are ready. */
    private volatile ReadActivity activity;

    /** One execution: whether it was counted as a read, so that its end is counted once and only then. */
    private static final class Execution implements InstrumentationState {
        volatile ReadActivity counted;
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new Execution());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        if (state instanceof Execution e && parameters.getExecutionContext().getOperationDefinition().getOperation()
                == OperationDefinition.Operation.QUERY) {
            ReadActivity reads = activity();
            reads.begin();
            e.counted = reads;
        }
        return null;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
            if (state instanceof Execution e && e.counted != null) {
                e.counted.end();
            }
        });
    }

    private ReadActivity activity() {
        ReadActivity a = activity;
        if (a == null) {
            a = Arc.container().instance(ReadActivity.class).get();
            activity = a;
        }
        return a;
    }
}
