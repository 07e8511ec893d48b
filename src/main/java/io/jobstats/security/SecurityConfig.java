package io.jobstats.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may do what (docs/security.md). */
@ConfigMapping(prefix = "jobstats.security")
public interface SecurityConfig {

    /** The role a token needs to load ads (POST /ads, the loadAds mutation). */
    String LOADER = "loader";
    /** The role a token needs to read when {@link #readersNeedRole()} is set; a loader may read too. */
    String READER = "reader";

    /** When true, GraphQL and GraphiQL need a token with the role reader (or loader); by default reading is public. */
    @WithDefault("false")
    boolean readersNeedRole();
}
