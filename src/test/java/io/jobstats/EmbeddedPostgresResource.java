package io.jobstats;

import io.jobstats.database.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** One throw-away PostgreSQL for the whole test run, and the key that verifies the tests' tokens. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = EmbeddedDatabase.startThrowAway();
        Map<String, String> config = new HashMap<>(EmbeddedDatabase.connectionProperties(postgres.getPort()));
        config.putAll(TestTokens.properties());
        return config;
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
