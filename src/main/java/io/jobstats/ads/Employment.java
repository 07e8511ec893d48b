package io.jobstats.ads;

import org.eclipse.microprofile.graphql.Description;

/** The two kinds of ad; the ordinal is what the database stores. */
@Description("The kind of job an ad offers; every figure is over one kind.")
public enum Employment {
    @Description("A permanent job: salaries are pounds a year.") PERMANENT,
    @Description("A contract: rates are pounds a day.") CONTRACT;

    public short code() {
        return (short) ordinal();
    }
}
