package io.jobstats;

import io.jobstats.database.EmbeddedDatabase;
import io.jobstats.security.LocalKeys;
import io.jobstats.security.TokenCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

@QuarkusMain
public class JobstatsMain {

    public static void main(String... args) {
        if (TokenCommand.isInvoked(args)) {
            System.exit(TokenCommand.run(args));
        }
        EmbeddedDatabase.startPersistentIfNeeded();
        // The out-of-the-box run verifies tokens with a local key pair; a configured key (production) replaces it.
        if (!EmbeddedDatabase.externalDatabaseConfigured() && !LocalKeys.verificationKeyConfigured()) {
            LocalKeys.useLocalKeys();
        }
        Quarkus.run(args);
    }
}
