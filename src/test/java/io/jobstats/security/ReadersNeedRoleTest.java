package io.jobstats.security;

import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

/** With jobstats.security.readers-need-role, reading needs a token too, also for an answer the caches hold. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(ReadersNeedRoleTest.Profile.class)
class ReadersNeedRoleTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jobstats.security.readers-need-role", "true");
        }
    }

    private static final String QUERY = "{\"query\":\"{ categories { name } }\"}";

    @Test
    void readingNeedsTheReaderOrLoaderRole() {
        given().auth().oauth2(TestTokens.token("reader")).contentType("application/json").body(QUERY).post("/graphql")
                .then().statusCode(200).body("data.categories.name", hasItem("Cloud Services"));
        TestTokens.asLoader().contentType("application/json").body(QUERY).post("/graphql").then().statusCode(200);
        // The same body again, now held by the response caches: still refused without a token, or with another role.
        given().contentType("application/json").body(QUERY).post("/graphql").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("auditor")).contentType("application/json").body(QUERY).post("/graphql")
                .then().statusCode(403);
        given().get("/q/graphql-ui/").then().statusCode(401);
        // Health stays open to the platform.
        given().get("/q/health/live").then().statusCode(200);
    }
}
