package io.jobstats.ads;

import java.time.LocalDate;
import java.util.List;

/** One ad as sent, after the docs/ad-format.md rules have been checked. */
public record AdLine(long lineNumber, String source, String sourceId, String title, String description, String location,
                     Employment employment, LocalDate postedOn, LocalDate closesOn, Salary salary, String salaryText,
                     List<String> skills, String company) {

    public String key() {
        return source + '\u0000' + sourceId;
    }
}
