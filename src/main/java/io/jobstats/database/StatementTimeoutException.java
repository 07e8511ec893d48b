package io.jobstats.database;

import io.smallrye.graphql.api.ErrorCode;

/** A read statement ran past the read path's statement_timeout and was cancelled by PostgreSQL. */
@ErrorCode("TIMEOUT")
public class StatementTimeoutException extends RuntimeException {

    public StatementTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
