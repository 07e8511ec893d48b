package io.jobstats.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A header's comma-separated values with their quality, as Accept and Accept-Encoding send them:
 * "application/json;q=0.9, application/graphql-response+json" is (application/json, 0.9) and
 * (application/graphql-response+json, 1). A quality that is no number is NaN, which ranks below every number and
 * refuses nothing.
 */
record HeaderValues(String value, double quality) {

    static List<HeaderValues> of(String header) {
        List<HeaderValues> values = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] params = part.split(";");
            double quality = 1;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].replace(" ", "");
                if (p.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        quality = Double.NaN;
                    }
                }
            }
            values.add(new HeaderValues(params[0].trim().toLowerCase(Locale.ROOT), quality));
        }
        return values;
    }

    /** Explicitly refused: q=0. */
    boolean refused() {
        return quality == 0;
    }
}
