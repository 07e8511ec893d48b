package io.jobstats.api;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import io.jobstats.market.Prefetch;
import io.smallrye.graphql.api.Context;

import java.util.List;

/** The fields a client selected under the field being resolved, as the market's prefetch planning reads them. */
final class FieldSelection implements Prefetch.Selection {

    private final DataFetchingFieldSelectionSet selected;
    private final int maxYears;

    private FieldSelection(DataFetchingFieldSelectionSet selected, int maxYears) {
        this.selected = selected;
        this.maxYears = maxYears;
    }

    static FieldSelection of(Context context, ApiConfig limits) {
        return new FieldSelection(context.unwrap(DataFetchingEnvironment.class).getSelectionSet(), limits.maxYears());
    }

    @Override
    public boolean isEmpty() {
        return selected.getImmediateFields().isEmpty();
    }

    @Override
    public boolean any(String... paths) {
        return selected.containsAnyOf(paths[0], java.util.Arrays.copyOfRange(paths, 1, paths.length));
    }

    @Override
    public List<Integer> previousYears(String field) {
        return selected.getFields("previous").stream()
                .filter(f -> field.equals("previous") || f.getSelectionSet().contains(field.substring("previous/".length())))
                .map(f -> f.getArguments().get("years") instanceof Number n ? n.intValue() : 1)
                .filter(y -> y >= 1 && y <= maxYears).toList();
    }
}
