package io.jobstats.api;

import io.smallrye.graphql.api.ErrorCode;

/** An argument outside what the field accepts. */
@ErrorCode("BAD_USER_INPUT")
public class BadUserInputException extends RuntimeException {

    private final String argument;

    public BadUserInputException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }
}
