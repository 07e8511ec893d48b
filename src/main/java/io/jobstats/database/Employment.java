package io.jobstats.database;

/** The two kinds of ad; the ordinal is what the database stores. */
public enum Employment {
    PERMANENT,
    CONTRACT;

    public short code() {
        return (short) ordinal();
    }
}
