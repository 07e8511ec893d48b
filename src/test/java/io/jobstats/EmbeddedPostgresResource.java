package io.jobstats;

import io.jobstats.database.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.util.Map;

/** One throw-away PostgreSQL for the whole test run. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = EmbeddedDatabase.startThrowAway();
        return EmbeddedDatabase.connectionProperties(postgres.getPort());
    }

    @Override
    public void stop() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException ignored) {
            // Temporary data; nothing to keep.
        }
    }
}
