package io.jobstats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalDate;
import java.time.ZoneId;

/** Whose calendar "today" is: the latest date an ad may carry, and the latest a default period may end on. */
@ConfigMapping(prefix = "jobstats.calendar")
public interface CalendarConfig {

    /** The ads are British. */
    @WithDefault("Europe/London")
    ZoneId timeZone();

    default LocalDate today() {
        return LocalDate.now(timeZone());
    }
}
