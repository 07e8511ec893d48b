package io.jobstats.ads;

import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestAds;
import io.jobstats.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A load the database stops half way keeps every committed batch, says so, and can simply be sent again. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PartialLoadTest {

    @AfterAll
    static void removeOwnAds() {
        TestAds.remove("partial");
    }

    @Inject
    DataSource dataSource;

    @Test
    void committedBatchesSurviveAndTheSameInputCompletesTheLoad() throws SQLException {
        // Test batches are 100 ads; line 150 makes the database fail in the second batch.
        String body = IntStream.rangeClosed(1, 250).mapToObj(i -> "{\"source\":\"partial\",\"sourceId\":\"" + i
                        + "\",\"title\":\"" + (i == 150 ? "Boom Engineer" : "Data Engineer") + "\",\"location\":\"York\","
                        + "\"employment\":\"PERMANENT\",\"postedOn\":\"2016-05-01\"}")
                .collect(Collectors.joining("\n"));
        execute("CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$");
        execute("CREATE TRIGGER boom BEFORE INSERT ON ad FOR EACH ROW WHEN (NEW.title = 'Boom Engineer') EXECUTE FUNCTION boom()");
        try {
            TestTokens.asLoader().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post("/ads").then()
                    .statusCode(500)
                    .body("completed", equalTo(false))
                    .body("adsAdded", equalTo(100))
                    .body("error", containsString("disk on fire"))
                    .body("error", containsString("every line up to 100 is stored"));
            assertEquals(100, count());
            // The term counts hold the committed batch and nothing of the failed one, folded when the load ended.
            assertEquals(List.of(100L, 0L), kept());
        } finally {
            execute("DROP TRIGGER boom ON ad");
            execute("DROP FUNCTION boom()");
        }
        TestTokens.asLoader().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post("/ads").then()
                .statusCode(200).body("completed", equalTo(true))
                .body("adsAdded", equalTo(150)).body("adsReplaced", equalTo(100));
        assertEquals(250, count());
        assertEquals(List.of(250L, 0L), kept());
    }

    /** UK's kept ad count for the test's half month, and how many of its delta rows are left unfolded. */
    private List<Long> kept() throws SQLException {
        String uk = "region_id = (SELECT id FROM region WHERE parent_id IS NULL) AND bucket = '2016-05-01'";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT coalesce(sum(ads), 0) FROM term_count WHERE " + uk + ") "
                     + "+ (SELECT coalesce(sum(ads), 0) FROM term_count_delta WHERE " + uk + "), "
                     + "(SELECT count(*) FROM term_count_delta WHERE " + uk + ")")) {
            rs.next();
            return List.of(rs.getLong(1), rs.getLong(2));
        }
    }

    private long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM ad WHERE source = 'partial'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
