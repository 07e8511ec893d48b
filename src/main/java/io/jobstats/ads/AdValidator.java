package io.jobstats.ads;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of docs/ad-format.md: a line that breaks one is rejected with the first rule it breaks. */
final class AdValidator {

    static final class Rejected extends Exception {
        final RejectionCode code;
        /** The field at fault ("postedOn", "salary.min"), null for the line as a whole. */
        final String field;

        Rejected(RejectionCode code, String field, String reason) {
            super(reason, null, false, false);
            this.code = code;
            this.field = field;
        }
    }

    /** The fields every ad must have (and so the columns every CSV header). */
    static final List<String> REQUIRED = List.of("source", "sourceId", "title", "location", "employment", "postedOn");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Set<String> PERIODS = Set.of("YEAR", "MONTH", "WEEK", "DAY", "HOUR");

    private AdValidator() {
    }

    /** Fields named as in docs/ad-format.md; values as JSON (NDJSON) or as text (CSV). */
    interface Fields {
        /** The field as text; null when absent or null. Throws when present but not a string. */
        String text(String name) throws Rejected;

        /** The salary: null when absent. */
        Salary salary() throws Rejected;

        List<String> skills() throws Rejected;
    }

    /** The dates an ad may carry: from a configured earliest day to tomorrow (a date ahead of the clock is a mistake). */
    record DateRange(LocalDate earliest, LocalDate latest) {
    }

    static AdLine validate(long line, Fields f, DateRange dates) throws Rejected {
        String source = required(f, "source", 64);
        String sourceId = required(f, "sourceId", 128);
        String title = required(f, "title", 300);
        String description = optional(f, "description", 100_000);
        String location = required(f, "location", 200);
        String employmentText = required(f, "employment", 20);
        Employment employment;
        try {
            employment = Employment.valueOf(employmentText.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Rejected(RejectionCode.INVALID_VALUE, "employment", "employment must be PERMANENT or CONTRACT, not '" + employmentText + "'");
        }
        LocalDate postedOn = date("postedOn", required(f, "postedOn", 10), dates);
        String closesText = optional(f, "closesOn", 10);
        LocalDate closesOn = closesText == null ? null : date("closesOn", closesText, dates);
        if (closesOn != null && closesOn.isBefore(postedOn)) {
            throw new Rejected(RejectionCode.INCONSISTENT, "closesOn", "closesOn " + closesOn + " is before postedOn " + postedOn);
        }
        Salary salary = f.salary();
        String salaryText = optional(f, "salaryText", 200);
        List<String> skills = f.skills();
        String company = optional(f, "company", 200);
        return new AdLine(line, source, sourceId, title, description, location, employment, postedOn, closesOn, salary,
                salaryText, skills, company);
    }

    static Salary salary(Double min, Double max, String period, String currency) throws Rejected {
        if (min == null && max == null) {
            throw new Rejected(RejectionCode.REQUIRED, "salary", "salary needs at least one of min and max");
        }
        if ((min != null && (min < 0 || min.isNaN() || min.isInfinite())) || (max != null && (max < 0 || max.isNaN() || max.isInfinite()))) {
            throw new Rejected(RejectionCode.OUT_OF_RANGE, "salary", "salary amounts must be non-negative numbers");
        }
        if (min != null && max != null && min > max) {
            throw new Rejected(RejectionCode.INCONSISTENT, "salary.min", "salary min " + plain(min) + " is above max " + plain(max));
        }
        if (period == null || !PERIODS.contains(period)) {
            throw new Rejected(RejectionCode.INVALID_VALUE, "salary.period", "salary period must be one of YEAR MONTH WEEK DAY HOUR, not '" + period + "'");
        }
        String cur = currency == null || currency.isBlank() ? "GBP" : currency;
        if (!CURRENCY.matcher(cur).matches()) {
            throw new Rejected(RejectionCode.INVALID_VALUE, "salary.currency", "salary currency must be an ISO 4217 code such as GBP, not '" + currency + "'");
        }
        return new Salary(min, max, PayPeriod.valueOf(period), cur);
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String required(Fields f, String name, int max) throws Rejected {
        String v = f.text(name);
        if (v == null || v.isBlank()) {
            throw new Rejected(RejectionCode.REQUIRED, name, name + " is required");
        }
        return checkLength(name, v, max);
    }

    private static String optional(Fields f, String name, int max) throws Rejected {
        String v = f.text(name);
        return v == null || v.isEmpty() ? null : checkLength(name, v, max);
    }

    private static String checkLength(String name, String v, int max) throws Rejected {
        if (v.length() > max) {
            throw new Rejected(RejectionCode.TOO_LONG, name, name + " is " + v.length() + " characters long; at most " + max + " are allowed");
        }
        return v;
    }

    private static LocalDate date(String name, String v, DateRange range) throws Rejected {
        if (!DATE.matcher(v).matches()) {
            throw new Rejected(RejectionCode.MALFORMED, name, name + " must be a date YYYY-MM-DD, not '" + v + "'");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new Rejected(RejectionCode.MALFORMED, name, name + " '" + v + "' is not a calendar date");
        }
        if (d.isBefore(range.earliest()) || d.isAfter(range.latest())) {
            throw new Rejected(RejectionCode.OUT_OF_RANGE, name, name + " " + d + " is outside " + range.earliest() + " to " + range.latest()
                    + " (the earliest date accepted to tomorrow)");
        }
        return d;
    }

    /** NDJSON: one JSON object. */
    static Fields json(JsonNode node) {
        return new Fields() {
            @Override
            public String text(String name) throws Rejected {
                JsonNode v = node.get(name);
                if (v == null || v.isNull()) {
                    return null;
                }
                if (!v.isTextual()) {
                    throw new Rejected(RejectionCode.MALFORMED, name, name + " must be a string");
                }
                return v.textValue();
            }

            @Override
            public Salary salary() throws Rejected {
                JsonNode s = node.get("salary");
                if (s == null || s.isNull()) {
                    return null;
                }
                if (!s.isObject()) {
                    throw new Rejected(RejectionCode.MALFORMED, "salary", "salary must be an object {min, max, period, currency}");
                }
                return AdValidator.salary(number(s, "min"), number(s, "max"), string(s, "period"), string(s, "currency"));
            }

            @Override
            public List<String> skills() throws Rejected {
                JsonNode s = node.get("skills");
                if (s == null || s.isNull()) {
                    return List.of();
                }
                if (!s.isArray()) {
                    throw new Rejected(RejectionCode.MALFORMED, "skills", "skills must be an array of strings");
                }
                List<String> out = new ArrayList<>(s.size());
                for (JsonNode e : s) {
                    if (!e.isTextual()) {
                        throw new Rejected(RejectionCode.MALFORMED, "skills", "skills must be an array of strings");
                    }
                    out.add(e.textValue());
                }
                return out;
            }
        };
    }

    private static Double number(JsonNode salary, String name) throws Rejected {
        JsonNode v = salary.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new Rejected(RejectionCode.MALFORMED, "salary." + name, "salary " + name + " must be a number");
        }
        return v.doubleValue();
    }

    private static String string(JsonNode salary, String name) throws Rejected {
        JsonNode v = salary.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Rejected(RejectionCode.MALFORMED, "salary." + name, "salary " + name + " must be a string");
        }
        return v.textValue();
    }

    /** CSV: cells by header name; the salary as four flat columns, skills ';'-separated. */
    static Fields csv(Map<String, String> row) {
        return new Fields() {
            @Override
            public String text(String name) {
                String v = row.get(name);
                return v == null || v.isEmpty() ? null : v;
            }

            @Override
            public Salary salary() throws Rejected {
                String min = text("salaryMin");
                String max = text("salaryMax");
                String period = text("salaryPeriod");
                String currency = text("salaryCurrency");
                if (min == null && max == null && period == null && currency == null) {
                    return null;
                }
                return AdValidator.salary(decimal("salaryMin", min), decimal("salaryMax", max), period, currency);
            }

            @Override
            public List<String> skills() {
                String v = text("skills");
                if (v == null) {
                    return List.of();
                }
                List<String> out = new ArrayList<>();
                for (String s : v.split(";")) {
                    if (!s.isBlank()) {
                        out.add(s.trim());
                    }
                }
                return out;
            }
        };
    }

    private static Double decimal(String name, String v) throws Rejected {
        if (v == null) {
            return null;
        }
        try {
            return Double.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw new Rejected(RejectionCode.MALFORMED, name, name + " must be a number, not '" + v + "'");
        }
    }
}
