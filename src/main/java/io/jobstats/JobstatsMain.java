package io.jobstats;

import io.jobstats.database.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

@QuarkusMain
public class JobstatsMain {

    public static void main(String... args) {
        EmbeddedDatabase.startPersistentIfNeeded();
        Quarkus.run(args);
    }
}
