package io.jobstats.ads;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads salaries as adverts write them: "£22k - £25k per annum", "£450/day", "up to £45,000", "£15.50 per hour",
 * "From £30,000", "€60k". Returns null when the text states no amount ("Competitive", "DOE").
 */
public final class SalaryText {

    private static final String CUR = "(£|€|\\$|gbp|eur|usd)";
    private static final String NUM = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
    private static final String K = "(k|m)?(?![a-z])";
    private static final Pattern RANGE = Pattern.compile(
            CUR + "?\\s*" + NUM + "\\s*" + K + "\\s*(?:-|–|—|to)\\s*" + CUR + "?\\s*" + NUM + "\\s*" + K,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SINGLE = Pattern.compile(CUR + "?\\s*" + NUM + "\\s*" + K, Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_CURRENCY = Pattern.compile(CUR, Pattern.CASE_INSENSITIVE);
    private static final Pattern UP_TO = Pattern.compile("\\b(up to|upto|max(imum)?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM = Pattern.compile("\\b(from|min(imum)?|starting( at)?|at least)\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** How adverts say the pay period, checked from the shortest period up. */
    private static final Pattern HOUR_WORDS = Pattern.compile("(per hour|/hour|/hr\\b|an hour|hourly|p/h\\b|\\bph\\b|per hr)");
    private static final Pattern DAY_WORDS = Pattern.compile("(per day|/day|a day\\b|daily|p/d\\b|\\bpd\\b|day rate|per diem)");
    private static final Pattern WEEK_WORDS = Pattern.compile("(per week|/week|weekly|\\bpw\\b|a week\\b)");
    private static final Pattern MONTH_WORDS = Pattern.compile("(per month|/month|monthly|\\bpcm\\b|a month\\b|/mth|per calendar month)");
    private static final Pattern YEAR_WORDS = Pattern.compile("(per annum|p\\.?a\\.?\\b|per year|a year|annual|/year|/yr|\\bpa\\b|yearly)");

    private SalaryText() {
    }

    public static Salary parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        // Where the text names a currency, only figures marked with one (or with k) are amounts: the "3" of
        // "3 days a week" is not. Where it names none, any figure is.
        boolean currencyInText = ANY_CURRENCY.matcher(text).find();
        Matcher r = RANGE.matcher(text);
        while (r.find()) {
            boolean marked = r.group(1) != null || r.group(3) != null || r.group(4) != null || r.group(6) != null;
            if (marked || !currencyInText) {
                double a = amount(r.group(2), r.group(3));
                double b = amount(r.group(5), r.group(6));
                if (r.group(3) == null && r.group(6) != null && a < 1000) {
                    a = amount(r.group(2), r.group(6)); // "22-25k": the second figure's k applies to the first
                }
                String currency = currencyOf(r.group(1) != null ? r.group(1) : r.group(4));
                return new Salary(Math.min(a, b), Math.max(a, b), periodOf(lower, Math.max(a, b)), currency);
            }
        }
        Matcher m = SINGLE.matcher(text);
        while (m.find()) {
            boolean marked = m.group(1) != null || m.group(3) != null;
            if (!marked && currencyInText) {
                continue;
            }
            double v = amount(m.group(2), m.group(3));
            PayPeriod period = periodOf(lower, v);
            String currency = currencyOf(m.group(1));
            String before = text.substring(0, m.start());
            if (UP_TO.matcher(before).find()) {
                return new Salary(null, v, period, currency);
            }
            if (FROM.matcher(before).find()) {
                return new Salary(v, null, period, currency);
            }
            return new Salary(v, v, period, currency);
        }
        return null;
    }

    private static double amount(String num, String multiplier) {
        double v = Double.parseDouble(num.replace(",", ""));
        if (multiplier == null) {
            return v;
        }
        return v * (multiplier.equalsIgnoreCase("m") ? 1_000_000 : 1_000);
    }

    private static String currencyOf(String symbol) {
        if (symbol == null) {
            return "GBP";
        }
        return switch (symbol.toLowerCase(Locale.ROOT)) {
            case "€", "eur" -> "EUR";
            case "$", "usd" -> "USD";
            default -> "GBP";
        };
    }

    private static PayPeriod periodOf(String lower, double amount) {
        if (HOUR_WORDS.matcher(lower).find()) {
            return PayPeriod.HOUR;
        }
        if (DAY_WORDS.matcher(lower).find()) {
            return PayPeriod.DAY;
        }
        if (WEEK_WORDS.matcher(lower).find()) {
            return PayPeriod.WEEK;
        }
        if (MONTH_WORDS.matcher(lower).find()) {
            return PayPeriod.MONTH;
        }
        if (YEAR_WORDS.matcher(lower).find()) {
            return PayPeriod.YEAR;
        }
        // No period stated: the size of the figure tells it, as a reader would take it.
        if (amount >= 10_000) {
            return PayPeriod.YEAR;
        }
        if (amount >= 2_000) {
            return PayPeriod.MONTH;
        }
        if (amount >= 100) {
            return PayPeriod.DAY;
        }
        return PayPeriod.HOUR;
    }
}
