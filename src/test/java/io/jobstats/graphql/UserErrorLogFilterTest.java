package io.jobstats.graphql;

import io.jobstats.api.BadUserInputException;
import io.jobstats.api.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Client mistakes stay out of the error log; the service's own failures stay in it. */
class UserErrorLogFilterTest {

    private static LogRecord error(Throwable t) {
        LogRecord r = new LogRecord(Level.SEVERE, "SRGQL012000: Data Fetching Error");
        r.setThrown(t);
        return r;
    }

    @Test
    void dropsClientMistakesAndKeepsFailures() {
        UserErrorLogFilter filter = new UserErrorLogFilter();
        assertFalse(filter.isLoggable(error(new NotFoundException("No role named 'x'", List.of()))));
        assertFalse(filter.isLoggable(error(new BadUserInputException("months", "months must be 1-60"))));
        assertFalse(filter.isLoggable(error(new RuntimeException("wrapped", new NotFoundException("No region", List.of())))));
        assertTrue(filter.isLoggable(error(new IllegalStateException("Market query failed: connection refused"))));
        assertTrue(filter.isLoggable(new LogRecord(Level.INFO, "started")));
    }
}
