package io.jobstats.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** A field not started because the request had used up its time (jobstats.graphql.request-timeout). */
@ErrorCode("TIMEOUT")
public class RequestTimeoutException extends RuntimeException {

    public RequestTimeoutException(String message) {
        super(message);
    }
}
