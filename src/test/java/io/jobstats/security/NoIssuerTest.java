package io.jobstats.security;

import io.jobstats.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A deployment that names no token issuer: nothing can be written, whatever token is sent, and reads and health work
 * (the default key is one whose private half does not exist).
 */
@QuarkusTest
@QuarkusTestResource(io.jobstats.EmbeddedPostgresResource.class)
@TestProfile(NoIssuerTest.NoIssuer.class)
class NoIssuerTest {

    public static class NoIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The test resource configures the tests' key; this profile takes it back to the shipped default.
            return Map.of("mp.jwt.verify.publickey.location", "security/no-issuer.pem");
        }
    }

    @Test
    void writesAreRefusedAndReadsWork() {
        String ad = "{\"source\":\"no-issuer\",\"sourceId\":\"1\",\"title\":\"Data Engineer\",\"location\":\"York\","
                + "\"employment\":\"PERMANENT\",\"postedOn\":\"2015-01-01\"}";
        TestTokens.asLoader().contentType("application/x-ndjson").body(ad.getBytes(StandardCharsets.UTF_8)).post("/ads")
                .then().statusCode(401);
        given().contentType("application/json").body(Map.of("query", "{ categories { name } }")).post("/graphql")
                .then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
