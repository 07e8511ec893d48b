package io.jobstats.market;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Periods are whole months ending on a day, and move by years with both ends. */
class PeriodTest {

    @Test
    void periodsAreWholeMonthsEndingOnADay() {
        // "6 months to 2 May 2025": the day after 2 November 2024, to 2 May 2025.
        Period p = Period.ending(LocalDate.of(2025, 5, 2), 6);
        assertEquals(LocalDate.of(2024, 11, 3), p.start());
        assertEquals("6 months to 2 May 2025", p.getLabel());
        assertEquals(new Period(LocalDate.of(2023, 11, 3), LocalDate.of(2024, 5, 2), 6), p.yearsEarlier(1));
        // 29 February a year on is 28 February.
        Period leap = Period.ending(LocalDate.of(2024, 2, 29), 1);
        assertEquals(LocalDate.of(2023, 2, 28), leap.yearsEarlier(1).end());
        assertEquals("1 month to 29 February 2024", leap.getLabel());
    }
}
