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
        // Asked before the embedded database starts: starting it configures a datasource URL.
        boolean outOfTheBox = !EmbeddedDatabase.externalDatabaseConfigured();
        EmbeddedDatabase.startPersistentIfNeeded();
        // The out-of-the-box run verifies tokens with a local key pair; a configured key (production) replaces it.
        if (outOfTheBox && !LocalKeys.verificationKeyConfigured()) {
            LocalKeys.useLocalKeys();
        }
        Quarkus.run(args);
    }
}
