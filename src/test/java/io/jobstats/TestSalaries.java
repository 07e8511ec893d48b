package io.jobstats;

import io.restassured.response.Response;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Salary figures from the public API against PostgreSQL's own percentiles over the same ads. */
public final class TestSalaries {

    private TestSalaries() {
    }

    /**
     * Asserts that Java's UK salariesQuoted and salary p10, median and p90 over the period equal the count and
     * {@code percentile_cont} of the salary points of the ads (ad_fact f joined to ad a) the condition picks.
     */
    public static void assertJavaInTheUkAsPostgres(DataSource dataSource, String periodEnd, int months,
                                                   String adsCondition) throws SQLException {
        Response r = given().contentType("application/json").body(Map.of("query",
                "{ term(name: \"Java\") { market(region: \"uk\", period: {end: \"" + periodEnd + "\", months: " + months
                        + "}) { salariesQuoted salary { p10 median p90 } } } }")).post("/graphql");
        r.then().statusCode(200);
        assertNull(r.path("errors"), r.asString());
        List<String> expected = TestRows.of(dataSource, "SELECT count(*), percentile_cont(array[0.1, 0.5, 0.9]) "
                + "WITHIN GROUP (ORDER BY f.salary_point) FROM ad_fact f JOIN ad a ON a.id = f.ad_id "
                + "WHERE f.salary_point IS NOT NULL AND " + adsCondition);
        Map<String, Object> market = r.path("data.term.market");
        Map<String, Object> salary = r.path("data.term.market.salary");
        assertEquals(expected, List.of(market.get("salariesQuoted") + "|{" + number(salary.get("p10")) + ","
                + number(salary.get("median")) + "," + number(salary.get("p90")) + "}|"));
    }

    /** As PostgreSQL prints a float8: 30000, 34625.5. */
    private static String number(Object o) {
        double d = ((Number) o).doubleValue();
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
