package io.jobstats;

/**
 * Settings read before Quarkus reads its configuration (the embedded database, the local keys): a system property
 * first, then an environment variable.
 */
public final class StartupSettings {

    private StartupSettings() {
    }

    public static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** The first of the values that is present, or null. */
    public static String firstPresent(String... values) {
        for (String v : values) {
            if (present(v)) {
                return v;
            }
        }
        return null;
    }
}
