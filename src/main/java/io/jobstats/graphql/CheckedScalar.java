package io.jobstats.graphql;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * One of SmallRye's scalars, but a value that does not fit is refused where graphql-java coerces it (a literal in
 * validation, a variable before execution), so the request fails as a whole with BAD_USER_INPUT in the scalar's own
 * words. SmallRye's coercing of these takes any value and fails later, per field, with a message naming a Java
 * class. Only the check is added: the value SmallRye makes of an accepted input is unchanged.
 */
@SuppressWarnings({"deprecation", "unchecked", "rawtypes"})
final class CheckedScalar implements Coercing<Object, Object> {

    /** What an input of a scalar must be: for Int and Float, what graphql-java's own scalars accept. */
    interface Check {
        void value(Object input);

        void literal(Value<?> input);
    }

    static final Map<String, Check> CHECKS = Map.of(
            "Date", new Check() {
                @Override
                public void value(Object input) {
                    if (input instanceof String s) {
                        date(s, CoercingParseValueException::new);
                    }
                }

                @Override
                public void literal(Value<?> input) {
                    if (input instanceof StringValue s) {
                        date(s.getValue(), CoercingParseLiteralException::new);
                    }
                }
            },
            "Int", standard(Scalars.GraphQLInt.getCoercing()),
            "Float", standard(Scalars.GraphQLFloat.getCoercing()));

    private final Coercing inner;
    private final Check check;

    CheckedScalar(Coercing<?, ?> inner, Check check) {
        this.inner = inner;
        this.check = check;
    }

    private static Check standard(Coercing<?, ?> spec) {
        return new Check() {
            @Override
            public void value(Object input) {
                spec.parseValue(input, GraphQLContext.getDefault(), Locale.ROOT);
            }

            @Override
            public void literal(Value<?> input) {
                spec.parseLiteral(input, CoercedVariables.emptyVariables(), GraphQLContext.getDefault(), Locale.ROOT);
            }
        };
    }

    private static <E extends RuntimeException> void date(String s, java.util.function.Function<String, E> refusal) {
        try {
            LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw refusal.apply("Expected a calendar date YYYY-MM-DD, not '" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'");
        }
    }

    @Override
    public Object serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) throws CoercingSerializeException {
        return inner.serialize(dataFetcherResult, context, locale);
    }

    @Override
    public Object serialize(Object dataFetcherResult) throws CoercingSerializeException {
        return inner.serialize(dataFetcherResult);
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
        check.value(input);
        return inner.parseValue(input, context, locale);
    }

    @Override
    public Object parseValue(Object input) throws CoercingParseValueException {
        check.value(input);
        return inner.parseValue(input);
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
            throws CoercingParseLiteralException {
        check.literal(input);
        return inner.parseLiteral(input, variables, context, locale);
    }

    @Override
    public Object parseLiteral(Object input) throws CoercingParseLiteralException {
        if (input instanceof Value<?> v) {
            check.literal(v);
        }
        return inner.parseLiteral(input);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return inner.valueToLiteral(input, context, locale);
    }
}
