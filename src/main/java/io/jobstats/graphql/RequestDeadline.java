package io.jobstats.graphql;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Bounds the time one operation may take: once it is used up, every field still to be resolved fails at once with
 * TIMEOUT instead of starting more work. A statement already running is bounded by the read path's statement and
 * socket timeouts, so a request ends within its time plus one statement's.
 */
final class RequestDeadline implements Instrumentation {

    private final Duration timeout;

    RequestDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    private record Deadline(long nanos) implements InstrumentationState {
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new Deadline(System.nanoTime() + timeout.toNanos()));
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher() || !(state instanceof Deadline deadline)) {
            return dataFetcher;
        }
        return env -> {
            if (System.nanoTime() - deadline.nanos() > 0) {
                throw new RequestTimeoutException("The request ran out of its " + timeout.toSeconds()
                        + " s before this field was resolved; ask for fewer fields or narrower ranges");
            }
            return dataFetcher.get(env);
        };
    }
}
