package io.jobstats.api;

import io.smallrye.graphql.api.ErrorCode;

/** A field that needs credentials, asked for without a valid bearer token (HTTP 401 when no data is left). */
@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
