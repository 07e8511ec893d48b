package io.jobstats.market;

/** The rows the market queries return; kept together because each is a few fields. */
public final class MarketRecords {

    private MarketRecords() {
    }

    /** The ads of the universe of a region, period and employment type, and those with a recognised title. */
    public record Universe(long vacancies, long withRecognisedTitle) {
    }

    /** The ads of one role among a term's, and their salary points. */
    public record RoleAds(long ads, SalaryPoints points) {
    }

    public record CoOccurrenceCount(int termId, long count) {
    }

    public record MonthCount(String month, long count, long total) {
    }

    public record MonthSalaries(String month, long sampleSize, Double p10, Double median, Double p90) {
    }
}
