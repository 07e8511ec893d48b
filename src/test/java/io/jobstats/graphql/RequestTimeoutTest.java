package io.jobstats.graphql;

import io.jobstats.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

/** A request that has used up jobstats.graphql.request-timeout (none at all here) starts no more work: TIMEOUT. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(RequestTimeoutTest.NoTime.class)
class RequestTimeoutTest {

    public static class NoTime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jobstats.graphql.request-timeout", "PT0S");
        }
    }

    @Test
    void fieldsAfterTheDeadlineFailWithTimeout() {
        String query = "{ a: market(region: \"uk\", period: {end: \"2010-01-31\", months: 1}) { vacancies } "
                + "b: market(region: \"uk\", period: {end: \"2010-02-28\", months: 1}) { vacancies } }";
        given().contentType("application/json").body(Map.of("query", query)).post("/graphql").then().statusCode(200)
                .body("data.a", nullValue()).body("data.b", nullValue())
                .body("errors.extensions.code", everyItem(equalTo("TIMEOUT")))
                .body("errors[0].message", containsString("ran out of its 0 s"));
    }
}
