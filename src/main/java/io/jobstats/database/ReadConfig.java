package io.jobstats.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The read path: the pool every GraphQL query reads through (quarkus.datasource.read.*) and its bounds. */
@ConfigMapping(prefix = "jobstats.read")
public interface ReadConfig {

    /**
     * Whether quarkus.datasource.read.jdbc.url names a streaming replica (a CloudNativePG cluster's -ro service)
     * rather than the primary. Then the data version is read from the primary, and a query the replica cannot yet
     * answer at the request's version (it has not replayed that far) runs on the primary instead.
     */
    @WithDefault("false")
    boolean replica();

    /** PostgreSQL's statement_timeout for the read pools, in milliseconds (application.properties hands it to both). */
    @WithDefault("5000")
    int statementTimeoutMs();

    /** How long a read waits on a server that sends nothing, in seconds (the driver's socketTimeout; as above). */
    @WithDefault("10")
    int socketTimeoutS();
}
