package io.jobstats.api;

import io.smallrye.graphql.api.ErrorCode;

import java.util.List;

/** An unknown term or region: the field is null and the error says which names come closest. */
@ErrorCode("NOT_FOUND")
public class NotFoundException extends RuntimeException {

    private final List<String> suggestions;

    public NotFoundException(String message, List<String> suggestions) {
        super(suggestions.isEmpty() ? message : message + ". Did you mean: " + String.join(", ", suggestions) + "?");
        this.suggestions = List.copyOf(suggestions);
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
