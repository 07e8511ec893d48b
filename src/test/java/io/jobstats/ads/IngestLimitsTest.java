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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What one input may cost and carry: bounded lines and records, whole-input refusals, dates within reason. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IngestLimitsTest {

    private static final String SOURCE = "ingest-limits";
    /** jobstats.ingest.max-line-length's default. */
    private static final int MAX_LINE = 1_000_000;

    @AfterAll
    static void removeOwnAds() {
        TestAds.remove(SOURCE);
    }

    @Inject
    DataSource dataSource;

    private static String ad(String id, String postedOn, String description) {
        return "{\"source\":\"" + SOURCE + "\",\"sourceId\":\"" + id + "\",\"title\":\"Data Engineer\",\"location\":\"York\","
                + "\"employment\":\"PERMANENT\",\"postedOn\":\"" + postedOn + "\",\"description\":\"" + description + "\"}\n";
    }

    @Test
    void aLineOverTheBoundIsRejectedAloneWithoutBeingHeld() throws SQLException {
        String body = ad("before-long", "2013-03-01", "") + "x".repeat(MAX_LINE + 500_000) + "\n" + ad("after-long", "2013-03-01", "");
        TestTokens.asLoader().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post("/ads").then()
                .statusCode(200).body("linesRead", equalTo(3)).body("adsAdded", equalTo(2)).body("linesRejected", equalTo(1))
                .body("rejections[0].line", equalTo(2))
                .body("rejections[0].reason", equalTo("the line is 1500000 characters long; at most 1000000 are read "
                        + "(jobstats.ingest.max-line-length)"));
        // The same with no newline at all: one endless line.
        TestTokens.asLoader().contentType("application/x-ndjson").body("y".repeat(MAX_LINE + 1).getBytes(StandardCharsets.UTF_8))
                .post("/ads").then().statusCode(200).body("linesRejected", equalTo(1)).body("adsAdded", equalTo(0));
        assertEquals(2, stored("before-long") + stored("after-long"));
    }

    @Test
    void aCsvRecordOverTheBoundIsRejectedAndTheRestLoads() throws SQLException {
        String header = "source,sourceId,title,location,employment,postedOn,description\n";
        String csv = header + SOURCE + ",csv-1,Data Engineer,York,PERMANENT,2013-04-01,short\n"
                + SOURCE + ",csv-2,Data Engineer,York,PERMANENT,2013-04-01,\"" + "z,\n".repeat(MAX_LINE / 3 + 1) + "\"\n"
                + SOURCE + ",csv-3,Data Engineer,York,PERMANENT,2013-04-01,short\n";
        TestTokens.asLoader().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/ads").then()
                .statusCode(200).body("adsAdded", equalTo(2)).body("linesRejected", equalTo(1))
                .body("rejections[0].line", equalTo(3)).body("rejections[0].reason", containsString("characters long"));
        assertEquals(2, stored("csv-1") + stored("csv-3"));
        assertEquals(0, stored("csv-2"));
        // An unterminated quote runs to the end of the input: refused there, with what came before kept.
        TestTokens.asLoader().contentType("text/csv").body((header + SOURCE + ",csv-4,Data Engineer,York,PERMANENT,2013-04-01,ok\n"
                        + SOURCE + ",csv-5,x,York,PERMANENT,2013-04-01,\"" + "q".repeat(MAX_LINE * 2)).getBytes(StandardCharsets.UTF_8))
                .post("/ads").then().statusCode(200).body("adsAdded", equalTo(1))
                .body("rejections[0].reason", containsString("unterminated quoted field"));
    }

    @Test
    void aCsvHeaderWithoutTheRequiredColumnsIsOneClearError() throws SQLException {
        String csv = "src,sourceId,title,location,employment,posted\n" + SOURCE + ",hdr-1,Data Engineer,York,PERMANENT,2013-04-01\n";
        TestTokens.asLoader().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/ads").then()
                .statusCode(400).body("completed", equalTo(false)).body("linesRead", equalTo(0)).body("linesRejected", equalTo(0))
                .body("error", equalTo("the CSV header lacks the required columns source, postedOn "
                        + "(it has: src, sourceId, title, location, employment, posted); nothing was loaded"));
        assertEquals(0, stored("hdr-1"));
    }

    @Test
    void datesOutsideTwoThousandToTomorrowAreRejected() throws SQLException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String body = ad("far-future", "2099-12-31", "") + ad("victorian", "1900-01-01", "") + ad("year-one", "0001-01-01", "")
                + ad("day-after-tomorrow", today.plusDays(2).toString(), "") + ad("tomorrow", today.plusDays(1).toString(), "")
                + ad("earliest", "2000-01-01", "");
        TestTokens.asLoader().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post("/ads").then()
                .statusCode(200).body("adsAdded", equalTo(2)).body("linesRejected", equalTo(4))
                .body("rejections[0].reason", equalTo("postedOn 2099-12-31 is outside 2000-01-01 to " + today.plusDays(1)
                        + " (the earliest date accepted to tomorrow)"))
                .body("rejections[2].reason", containsString("postedOn 0001-01-01 is outside"));
        assertEquals(0, stored("far-future") + stored("victorian") + stored("year-one") + stored("day-after-tomorrow"));
        // An ad dated tomorrow is held, but the default period still ends today at the latest.
        assertEquals(1, stored("tomorrow"));
        String end = given().contentType("application/json").body(Map.of("query", "{ market(region: \"uk\") { period { end } } }"))
                .post("/graphql").then().statusCode(200).extract().path("data.market.period.end");
        assertFalse(LocalDate.parse(end).isAfter(today), end + " is after today");
    }

    private long stored(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM ad WHERE source = '" + SOURCE + "' AND source_id = '" + id + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
