package io.jobstats.graphql;

import io.quarkus.logging.LoggingFilter;

import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Keeps a client's mistake (an unknown name, a bad argument, missing credentials) out of the error log: SmallRye prints every data
 * fetcher exception at ERROR, which is what operators want for failures of the service and noise for these, whose
 * whole story is already in the response's errors. Wired by {@code quarkus.log.console.filter}.
 */
@LoggingFilter(name = "user-errors")
public final class UserErrorLogFilter implements Filter {

    private static final Set<String> CLIENT_CODES = Set.of("NOT_FOUND", "BAD_USER_INPUT", "UNAUTHENTICATED", "FORBIDDEN");

    @Override
    public boolean isLoggable(LogRecord record) {
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            String code = ErrorCodes.of(t);
            if (code != null && CLIENT_CODES.contains(code)) {
                return false;
            }
        }
        return true;
    }
}
