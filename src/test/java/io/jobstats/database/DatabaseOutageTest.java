package io.jobstats.database;

import io.jobstats.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.util.LinuxUtils;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The database goes away (its server killed with -9) and comes back: requests answer SERVICE_UNAVAILABLE (503)
 * meanwhile, readiness goes down at once and liveness after jobstats.health.max-outage (3 s here), and the service
 * recovers by itself when the database is back; a frozen database is bounded the same way. The test's own profile
 * gives it a server of its own.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(DatabaseOutageTest.ShortOutage.class)
class DatabaseOutageTest {

    public static class ShortOutage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jobstats.health.max-outage", "PT3S");
        }
    }

    @Inject
    DataSource dataSource;

    private static Response query(String query) {
        return given().contentType("application/json").body(Map.of("query", query)).post("/graphql");
    }

    @Test
    void anOutageIsAnsweredAsSuchAndTheServiceRecoversByItself() throws Exception {
        String market = "{ market(region: \"uk\", period: {end: \"2011-06-30\", months: 6}) { vacancies } }";
        query(market).then().statusCode(200).body("errors", nullValue()).body("data.market.vacancies", equalTo(0));
        given().get("/q/health/ready").then().statusCode(200);
        Path data;
        int port;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('data_directory'), current_setting('port')")) {
            rs.next();
            data = Path.of(rs.getString(1));
            port = rs.getInt(2);
        }

        kill(data);
        // A repeated request (its answer held by the response caches) and a new one: both 503, coded.
        for (String q : new String[]{market, "{ market(region: \"uk\", period: {end: \"2011-07-31\", months: 6}) { vacancies } }"}) {
            query(q).then().statusCode(503).body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("SERVICE_UNAVAILABLE"));
        }
        given().get("/q/health/ready").then().statusCode(503).body("checks.find { it.name == 'database' }.status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
        Thread.sleep(3_500); // past jobstats.health.max-outage
        given().get("/q/health/live").then().statusCode(503)
                .body("checks.find { it.name == 'database-outage' }.status", equalTo("DOWN"));

        restart(data, port);
        awaitReady();
        given().get("/q/health/live").then().statusCode(200);
        // Every pooled connection was broken by the outage; none of them fails a request now.
        for (int i = 0; i < 40; i++) {
            query("{ market(region: \"uk\", period: {end: \"2012-0" + (1 + i % 9) + "-01\", months: " + (1 + i / 9) + "}) { vacancies } }")
                    .then().statusCode(200).body("errors", nullValue());
        }
    }

    /**
     * A server that stops answering without closing anything (SIGSTOP): readiness still answers at once, a request
     * ends with SERVICE_UNAVAILABLE at the socket timeout instead of hanging, and all is well once it runs again.
     */
    @Test
    void aFrozenDatabaseDoesNotHangRequestsOrProbes() throws Exception {
        query("{ market(region: \"uk\", period: {end: \"2013-06-30\", months: 6}) { vacancies } }").then().statusCode(200);
        Path data = dataDirectory();
        List<ProcessHandle> server = processes(data);
        signal("STOP", server);
        try {
            given().get("/q/health/ready").then().statusCode(503);
            query("{ market(region: \"uk\", period: {end: \"2013-07-31\", months: 6}) { vacancies } }").then()
                    .statusCode(503).body("errors[0].extensions.code", equalTo("SERVICE_UNAVAILABLE"));
        } finally {
            signal("CONT", server);
        }
        awaitReady();
        query("{ market(region: \"uk\", period: {end: \"2013-08-31\", months: 6}) { vacancies } }").then()
                .statusCode(200).body("errors", nullValue());
    }

    private static void awaitReady() throws InterruptedException {
        int status = 0;
        for (int i = 0; i < 60 && status != 200; i++) {
            status = given().get("/q/health/ready").statusCode();
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        assertEquals(200, status, "readiness came back");
    }

    private Path dataDirectory() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            return Path.of(rs.getString(1));
        }
    }

    private static List<ProcessHandle> processes(Path dataDirectory) {
        ProcessHandle p = PostmasterPid.process(dataDirectory).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(p);
        return all;
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        new ProcessBuilder(command).start().waitFor(10, TimeUnit.SECONDS);
    }

    /** kill -9 of the postmaster and its backends: the database is gone at once, mid-connection. */
    private static void kill(Path dataDirectory) throws Exception {
        List<ProcessHandle> all = processes(dataDirectory);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            h.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** Starts the server again on the same port and data, after its crash recovery. */
    private static void restart(Path dataDirectory, int port) throws Exception {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(InitDb.binary("pg_ctl").toString(), "-D", dataDirectory.toString(), "-o",
                "-p " + port + " -F -c max_connections=100", "-w", "-t", "120", "start"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(150, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pg_ctl start failed");
        }
    }
}
