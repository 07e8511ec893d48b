package io.jobstats.graphql;

import io.jobstats.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.jobstats.database.SqlFailures;
import io.jobstats.database.StatementTimeoutException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What one request may cost: its answer's size is bounded before it is built, and refusals carry their codes. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class QueryLimitsTest {

    private static io.restassured.response.ValidatableResponse post(String query) {
        return given().contentType("application/json").body(Map.of("query", query)).post("/graphql").then();
    }

    @Test
    void aQueryWhoseAnswerCouldBeHugeIsRefusedBeforeItRuns() {
        String tree = IntStream.range(0, 40).mapToObj(i -> "a" + i
                        + ": regions { children { children { children { children { name path { name } } } } } }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        post(tree).statusCode(200).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", containsString("at most"));
        // Even one such tree: the regions under regions under regions are counted at the most any region has.
        post("{ regions { children { children { children { name } } } } }").body("errors[0].extensions.code",
                equalTo("QUERY_TOO_COMPLEX"));
        // A region's own children are counted at their real number.
        post("{ region(slug: \"midlands\") { children { name slug } } }").body("errors", nullValue());
    }

    @Test
    void theReferencePageAndEveryExampleFit() throws IOException {
        try (var files = Files.list(Path.of("graphql/examples"))) {
            for (Path f : files.toList()) {
                post(Files.readString(f, StandardCharsets.UTF_8)).statusCode(200).body("errors", nullValue());
            }
        }
    }

    @Inject
    @io.quarkus.agroal.DataSource("read")
    DataSource readPool;

    /** Every statement of the read path is cancelled by PostgreSQL after jobstats.read.statement-timeout-ms (5 s). */
    @Test
    void aReadStatementIsBoundedInTime() throws SQLException {
        try (Connection c = readPool.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
                rs.next();
                assertEquals("5s", rs.getString(1));
            }
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SELECT pg_sleep(6)"));
            assertInstanceOf(StatementTimeoutException.class, SqlFailures.of("A sleep", e));
        }
    }

    /** Errors say what went wrong in the client's terms: no Java class names. */
    @Test
    void errorsCarryNoJavaClassNames() {
        String body = given().contentType("application/json")
                .body(Map.of("query", "{ role(name: \"No Such Role\") { name } market(region: \"nowhere\") { vacancies } }"))
                .post("/graphql").then().statusCode(200).body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].extensions.exception", nullValue()).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("io.jobstats") || body.contains("java."), body);
    }

    @Test
    void aTooDeepQueryIsRefusedWithItsCode() {
        post("{ regions { children { children { children { children { children { children { children { children { children "
                + "{ children { children { name } } } } } } } } } } } } }")
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("QUERY_TOO_DEEP"));
    }
}
