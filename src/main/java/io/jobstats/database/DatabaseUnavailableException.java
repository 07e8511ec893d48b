package io.jobstats.database;

import io.smallrye.graphql.api.ErrorCode;

/**
 * The database could not be reached (refused, reset, timed out at the socket, no pooled connection in time): the
 * request can be sent again later. GraphQL answers it as SERVICE_UNAVAILABLE, HTTP 503 when no data is left.
 */
@ErrorCode("SERVICE_UNAVAILABLE")
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
