package io.jobstats.api;

import io.smallrye.graphql.api.ErrorCode;

/** A field asked for with a token that lacks the role it needs (HTTP 403 when no data is left). */
@ErrorCode("FORBIDDEN")
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
