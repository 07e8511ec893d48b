package io.jobstats.api;

import io.smallrye.graphql.api.ErrorExtensionProvider;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;

import static io.quarkus.jsonp.JsonProviderHolder.jsonProvider;

/** Adds {@code extensions.suggestions} and {@code extensions.argument} to our errors (registered by ServiceLoader). */
public final class ErrorExtensions {

    private ErrorExtensions() {
    }

    public static class Suggestions implements ErrorExtensionProvider {
        @Override
        public String getKey() {
            return "suggestions";
        }

        @Override
        public JsonValue mapValueFrom(Throwable exception) {
            if (exception instanceof NotFoundException e) {
                JsonArrayBuilder a = jsonProvider().createArrayBuilder();
                e.suggestions().forEach(a::add);
                return a.build();
            }
            return null;
        }
    }

    public static class Argument implements ErrorExtensionProvider {
        @Override
        public String getKey() {
            return "argument";
        }

        @Override
        public JsonValue mapValueFrom(Throwable exception) {
            return exception instanceof BadUserInputException e ? jsonProvider().createValue(e.argument()) : null;
        }
    }
}
