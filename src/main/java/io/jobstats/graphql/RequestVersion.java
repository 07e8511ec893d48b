package io.jobstats.graphql;

import io.jobstats.database.DataVersion;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The data version one request is answered at: read once, then every figure, the response cache's keys and the
 * ETag use it, so an answer is all of one version even while a load commits. The HTTP route pins it before the
 * request runs; anything else (a test calling a resolver) reads it on first use.
 */
@RequestScoped
public class RequestVersion {

    @Inject
    DataVersion dataVersion;

    private Long version;

    public long get() {
        if (version == null) {
            version = dataVersion.current();
        }
        return version;
    }

    void pin(long v) {
        version = v;
    }
}
