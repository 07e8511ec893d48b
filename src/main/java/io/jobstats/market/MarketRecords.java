package io.jobstats.market;

/** The rows the market queries return; kept together because each is a few fields. */
public final class MarketRecords {

    private MarketRecords() {
    }

    /** The universe of a region, period and employment type: the market table's figures. */
    public record Universe(long vacancies, long withRecognisedTitle, Percentiles salaries) {
    }

    /** One child region's figures for a term. */
    public record ChildFigures(int regionId, long vacancies, int rank, Double median) {
    }

    public record CoOccurrenceCount(int termId, long count) {
    }

    public record MonthCount(String month, long count, long total) {
    }

    public record MonthSalaries(String month, long sampleSize, Double p10, Double median, Double p90) {
    }
}
