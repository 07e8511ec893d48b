package io.jobstats.database;

import io.jobstats.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read pool on a streaming replica (ReplicaResource): what a client sees while the replica lags behind a load.
 * Replay is paused on the replica, so it lags for certain, not by chance.
 */
@QuarkusTest
@TestProfile(ReadReplicaTest.Replicated.class)
class ReadReplicaTest {

    /**
     * A profile of its own with only the primary and its replica: the global test database would otherwise also
     * configure the datasource, and the loads could go to a server the replica does not follow.
     */
    public static class Replicated implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ReplicaResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static final Pattern FALLBACKS = Pattern.compile("^jobstats_read_primary_fallbacks_total(?:\\{[^}]*})? (\\S+)$",
            Pattern.MULTILINE);

    @Test
    void aClientSeesEveryCommittedLoadWhileTheReplicaLags() throws Exception {
        // Read here, not injected: every test class is a bean of every test application, and only this one has them.
        String primaryUrl = ConfigProvider.getConfig().getValue("jobstats.test.primary-url", String.class);
        String replicaUrl = ConfigProvider.getConfig().getValue("jobstats.test.replica-url", String.class);
        assertTrue(primaryUrl.startsWith(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class)),
                "the application writes to the primary the replica follows");
        load(0, 3);
        awaitReplay(primaryUrl, replicaUrl);
        assertEquals(3, vacancies(6));
        double before = fallbacks();

        pauseReplay(primaryUrl, replicaUrl);
        try {
            load(3, 2);
            assertTrue(version(replicaUrl) < version(primaryUrl), "the replica has not replayed the second load");
            assertEquals(3, count(replicaUrl), "the replica still holds the first load only");
            // The request's version is the primary's, and the replica cannot answer at it: the primary does.
            assertEquals(5, vacancies(6));
            assertTrue(fallbacks() > before, "the statements the replica could not answer went to the primary");
        } finally {
            sql(replicaUrl, "SELECT pg_wal_replay_resume()");
        }

        awaitReplay(primaryUrl, replicaUrl);
        double caughtUp = fallbacks();
        // A page not cached yet, from the replica again.
        assertEquals(5, vacancies(7));
        assertEquals(caughtUp, fallbacks(), "a replica that has caught up answers itself");
    }

    /** Junior backend developers in Birmingham, posted in March 2025. */
    private static void load(int first, int count) {
        String ads = IntStream.range(first, first + count).mapToObj(i -> "{\"source\":\"replica\",\"sourceId\":\"" + i
                + "\",\"title\":\"Junior Backend Developer\",\"location\":\"Birmingham\",\"employment\":\"PERMANENT\","
                + "\"postedOn\":\"2025-03-1" + i + "\"}").collect(Collectors.joining("\n"));
        TestTokens.asLoader().contentType("application/x-ndjson").body(ads.getBytes(StandardCharsets.UTF_8)).post("/ads")
                .then().statusCode(200);
    }

    private static int vacancies(int months) {
        Response r = given().contentType("application/json").body(Map.of("query", "{ role(name: \"junior backend developer\") "
                + "{ market(region: \"west-midlands\", period: {end: \"2025-03-31\", months: " + months + "}) { vacancies } } }"))
                .post("/graphql");
        r.then().statusCode(200);
        return r.path("data.role.market.vacancies");
    }

    private static double fallbacks() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = FALLBACKS.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /**
     * Pauses the replica's replay and waits until it has paused: a pause is only requested at first, and takes effect
     * when the replica's next write-ahead record arrives, which a transaction on the primary provides.
     */
    private static void pauseReplay(String primaryUrl, String replicaUrl) throws Exception {
        sql(replicaUrl, "SELECT pg_wal_replay_pause()");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"paused".equals(text(replicaUrl, "SELECT pg_get_wal_replay_pause_state()"))) {
            assertTrue(System.nanoTime() < deadline, "the replica did not pause within 30 s");
            sql(primaryUrl, "SELECT txid_current()");
            Thread.sleep(20);
        }
    }

    private static void awaitReplay(String primaryUrl, String replicaUrl) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (version(replicaUrl) < version(primaryUrl)) {
            assertTrue(System.nanoTime() < deadline, "the replica did not catch up within 30 s");
            Thread.sleep(50);
        }
    }

    /** The data version the server holds; -1 before it has the table (a replica still replaying the migrations). */
    private static long version(String url) throws SQLException {
        try {
            return single(url, "SELECT version FROM data_version WHERE id = 1");
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return -1;
            }
            throw e;
        }
    }

    private static long count(String url) throws SQLException {
        return single(url, "SELECT count(*) FROM ad WHERE source = 'replica'");
    }

    private static long single(String url, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(String url, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void sql(String url, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
