package io.jobstats.market;

import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestAds;
import io.jobstats.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Loads the reference page's ads through POST /ads and reads the page's figures back through GraphQL. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ReferencePageTest {

    @AfterAll
    static void removeOwnAds() {
        TestAds.remove("jobstats-reference", "t", "adzuna");
    }

    public static String referenceAds() throws IOException {
        try (InputStream in = ReferencePageTest.class.getClassLoader()
                .getResourceAsStream("demo/reference-junior-backend-developer.ndjson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean loaded;

    /** Not @BeforeAll: that runs before the application, and so RestAssured's port, are set up. */
    @BeforeEach
    void load() throws IOException {
        if (loaded) {
            return;
        }
        loaded = true;
        TestTokens.asLoader().contentType("application/x-ndjson").body((referenceAds()).getBytes(StandardCharsets.UTF_8)).post("/ads").then().statusCode(200);
    }

    public static Response graphql(String query) {
        return given().config(MarketFiguresTest.DOUBLES).contentType("application/json").body(Map.of("query", query)).post("/graphql");
    }

    public static final String PAGE = """
            { role(name: "junior backend developer") { market(region: "midlands", period: {end: "2025-05-02", months: 6}) {
                period { label start end } vacancies salariesQuoted rank
                salary { sampleSize median p10 unit }
                medianChange nationMedian nationMedianChange liveJobs
                previous(years: 1) { vacancies salary { median } }
                locations { region { name } vacancies median medianChange liveJobs rankChange }
                coOccurringSkills(first: 30) { rank count share term { name } }
                coOccurringByCategory(perCategory: 20) { category { name } skills { rank count term { name } } }
            } } }""";

    @Test
    @Order(1)
    void referencePageFigures() {
        Response r = graphql(PAGE);
        r.then().statusCode(200).body("errors", nullValue());
        String m = "data.role.market.";
        r.then()
                .body(m + "period.label", equalTo("6 months to 2 May 2025"))
                .body(m + "period.start", equalTo("2024-11-03"))
                .body(m + "vacancies", equalTo(2))
                .body(m + "salariesQuoted", equalTo(2))
                .body(m + "salary.median", closeTo(25_437.5, 1e-9))
                // percentile_cont over (22,500, 28,375): 22,500 + 0.1 * 5,875
                .body(m + "salary.p10", closeTo(23_087.5, 1e-9))
                .body(m + "salary.unit", equalTo("YEAR"))
                .body(m + "medianChange", closeTo(-0.49125, 1e-12))
                .body(m + "nationMedian", closeTo(28_375, 1e-9))
                .body(m + "nationMedianChange", closeTo(-0.4325, 1e-12))
                .body(m + "liveJobs", equalTo(2))
                .body(m + "previous.vacancies", equalTo(2))
                .body(m + "previous.salary.median", closeTo(50_000, 1e-9))
                .body(m + "locations.region.name", contains("East Midlands", "West Midlands"))
                .body(m + "locations.vacancies", contains(1, 1))
                .body(m + "locations[1].median", closeTo(22_500, 1e-9))
                .body(m + "locations[1].medianChange", closeTo(-0.55, 1e-12))
                .body(m + "locations[1].liveJobs", equalTo(2))
                .body(m + "locations[0].median", closeTo(28_375, 1e-9))
                .body(m + "locations[0].medianChange", nullValue());
        List<Map<String, Object>> co = r.path(m + "coOccurringSkills");
        List<String> top = co.stream().filter(c -> (int) c.get("count") == 2)
                .map(c -> (String) ((Map<?, ?>) c.get("term")).get("name")).sorted().toList();
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of(".NET", ".NET Framework", "Azure", "Azure DevOps", "C#", "CI/CD", "DevOps", "Git"), top);
        // Dense ranks: 1 for count 2, 2 for count 1; share = count / vacancies.
        for (Map<String, Object> c : co) {
            int count = (int) c.get("count");
            org.junit.jupiter.api.Assertions.assertEquals(count == 2 ? 1 : 2, c.get("rank"));
            org.junit.jupiter.api.Assertions.assertEquals(count / 2.0, ((Number) c.get("share")).doubleValue(), 1e-12);
        }
        r.then().body(m + "coOccurringByCategory.category.name", hasItem("Qualifications"))
                .body(m + "coOccurringByCategory.find { it.category.name == 'Programming Languages' }.skills.term.name",
                        contains("C#", "SQL"))
                .body(m + "coOccurringByCategory.find { it.category.name == 'Programming Languages' }.skills.rank",
                        contains(1, 2))
                .body(m + "coOccurringByCategory.find { it.category.name == 'Qualifications' }.skills.term.name",
                        contains("Computer Science Degree", "DBS Check", "Degree"));
    }

    @Test
    @Order(2)
    void reloadingReplacesAndNeverAdds() throws IOException {
        TestTokens.asLoader().contentType("application/x-ndjson").body((referenceAds()).getBytes(StandardCharsets.UTF_8)).post("/ads").then().statusCode(200)
                .body("adsAdded", equalTo(0)).body("adsReplaced", equalTo(6)).body("linesRejected", equalTo(0));
        graphql(PAGE).then().body("data.role.market.vacancies", equalTo(2));
    }

    @Test
    void badLinesAreRejectedAloneWithTheirReasons() {
        String good = "{\"source\":\"t\",\"sourceId\":\"ok-%d\",\"title\":\"Data Engineer\",\"location\":\"Leeds\","
                + "\"employment\":\"PERMANENT\",\"postedOn\":\"2025-01-02\"}";
        String body = String.join("\n",
                good.formatted(1),
                "{not json",
                "[1,2]",
                "{\"source\":\"t\",\"title\":\"x\",\"location\":\"Leeds\",\"employment\":\"PERMANENT\",\"postedOn\":\"2025-01-02\"}",
                good.formatted(2).replace("PERMANENT", "TEMP"),
                good.formatted(3).replace("2025-01-02", "2025-02-30"),
                good.formatted(4).replace("\"postedOn\"", "\"closesOn\":\"2024-12-01\",\"postedOn\""),
                good.formatted(5).replace("}", ",\"salary\":{\"min\":30000,\"max\":20000,\"period\":\"YEAR\"}}"),
                good.formatted(6).replace("}", ",\"salary\":{\"min\":30000,\"period\":\"DECADE\"}}"),
                good.formatted(7).replace("}", ",\"salary\":{\"period\":\"YEAR\"}}"),
                good.formatted(8).replace("}", ",\"salary\":{\"min\":1,\"period\":\"YEAR\",\"currency\":\"pounds\"}}"),
                good.formatted(9).replace("\"Data Engineer\"", "\"" + "x".repeat(301) + "\""),
                good.formatted(10).replace("\"Leeds\"", "\"\""),
                good.formatted(11).replace("}", ",\"skills\":\"Python\"}"),
                good.formatted(12).replace("\"ok-12\"", "12"),
                good.formatted(13));
        TestTokens.asLoader().contentType("application/x-ndjson").body((body).getBytes(StandardCharsets.UTF_8)).post("/ads").then().statusCode(200)
                .body("linesRead", equalTo(16)).body("adsAdded", equalTo(2)).body("linesRejected", equalTo(14))
                .body("rejections.line", contains(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))
                .body("rejections[2].reason", equalTo("sourceId is required"))
                .body("rejections[3].reason", equalTo("employment must be PERMANENT or CONTRACT, not 'TEMP'"))
                .body("rejections[5].reason", equalTo("closesOn 2024-12-01 is before postedOn 2025-01-02"));
    }

    @Test
    void theMutationLoadsSmallBatchesWithTheSameRules() {
        String mutation = """
                mutation { loadAds(input: { ads: [
                  { source: "gql", sourceId: "1", title: "Senior Java Developer", location: "Leicester", employment: PERMANENT,
                    postedOn: "2025-03-03", salary: { min: 60000, max: 70000, period: YEAR }, skills: ["Spring Boot"] },
                  { source: "gql", sourceId: "2", title: "Tester", location: "Leicester", employment: PERMANENT,
                    postedOn: "2025-03-12", closesOn: "2025-03-02" }
                ] }) { report { linesRead adsAdded adsReplaced linesRejected rejections { line field code reason } completed }
                       userErrors { field message code } } }""";
        TestTokens.asLoader().contentType("application/json").body(Map.of("query", mutation)).post("/graphql")
                .then().body("errors", nullValue())
                .body("data.loadAds.report.linesRead", equalTo(2)).body("data.loadAds.report.adsAdded", equalTo(1))
                .body("data.loadAds.report.linesRejected", equalTo(1)).body("data.loadAds.report.rejections[0].line", equalTo(2))
                .body("data.loadAds.report.rejections[0].code", equalTo("INCONSISTENT"))
                .body("data.loadAds.report.completed", equalTo(true))
                // The second ad (index 1) alone is rejected, and the user error says where: ads[1].closesOn.
                .body("data.loadAds.userErrors", hasSize(1))
                .body("data.loadAds.userErrors[0].field", contains("input", "ads", "1", "closesOn"))
                .body("data.loadAds.userErrors[0].message", equalTo("closesOn 2025-03-02 is before postedOn 2025-03-12"))
                .body("data.loadAds.userErrors[0].code", equalTo("INCONSISTENT"));
        graphql("{ skill(name: \"spring boot\") { market(region: \"leicester\", period: {end: \"2025-03-31\", months: 1}) "
                + "{ vacancies salary { median } } } }").then()
                .body("data.skill.market.vacancies", equalTo(1)).body("data.skill.market.salary.median", closeTo(65_000, 1e-9));
    }

    @Test
    void csvIsAcceptedWithFlatSalaryColumns() {
        String csv = "source,sourceId,title,location,employment,postedOn,salaryMin,salaryMax,salaryPeriod,salaryCurrency,skills\n"
                + "csv,1,\"Senior Data Engineer, Python\",\"Manchester, North West\",CONTRACT,2025-03-01,500,600,DAY,GBP,Python;Spark;Unheard Of\n"
                + "csv,2,Tester,Leeds,PERMANENT,2025-03-01,abc,,YEAR,GBP,\n";
        TestTokens.asLoader().contentType("text/csv").body((csv).getBytes(StandardCharsets.UTF_8)).post("/ads").then().statusCode(200)
                .body("adsAdded", equalTo(1)).body("linesRejected", equalTo(1)).body("unknownSkills", equalTo(1))
                .body("rejections[0].reason", equalTo("salaryMin must be a number, not 'abc'"));
    }

    @Test
    void unknownNamesAndBadArgumentsGetCodedErrors() {
        graphql("{ role(name: \"Junior Backend Develper\") { name } }").then()
                .body("data.role", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].extensions.suggestions", hasItem("Junior Backend Developer"));
        graphql("{ region(slug: \"midlandz\") { name } }").then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        graphql("{ market(region: \"midlands\", period: {months: 61}) { vacancies } }").then()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        graphql("{ terms(first: -1) { totalCount } }").then().body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        // Refused where it resolves; the market table's prefetching must not start two billion years of work first.
        graphql("{ market(region: \"midlands\") { vacancies previous(years: 2147483647) { vacancies } } }").then()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.argument", equalTo("years"));
    }

    @Test
    void realAdzunaAdsResolveAndFindSkills() throws IOException {
        Path csv = Path.of("../shared/data/jobs_adzuna_api_uk_data_engineer_2025.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(csv), "shared data beside the checkout");
        StringBuilder out = new StringBuilder("source,sourceId,title,description,location,employment,postedOn,salaryMin,salaryMax,salaryPeriod\n");
        io.jobstats.text.Csv reader = new io.jobstats.text.Csv(Files.newBufferedReader(csv), Integer.MAX_VALUE);
        List<String> header = reader.next();
        int python = 0;
        int sql = 0;
        int azure = 0;
        int n = 0;
        for (List<String> row = reader.next(); row != null; row = reader.next()) {
            Map<String, String> f = new java.util.HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                f.put(header.get(i), row.get(i));
            }
            String text = f.get("title") + " " + f.get("description");
            python += text.matches("(?is).*\\bpython\\b.*") ? 1 : 0;
            sql += text.matches("(?is).*(?<![\\w.])sql(?![\\w#+]).*") ? 1 : 0;
            azure += text.matches("(?is).*\\bazure\\b.*") ? 1 : 0;
            n++;
            out.append("adzuna,").append(q(f.get("id"))).append(',').append(q(f.get("title"))).append(',')
                    .append(q(f.get("description"))).append(',').append(q(f.get("location"))).append(",PERMANENT,")
                    .append(f.get("created"), 0, 10).append(',').append(f.get("salary_min")).append(',')
                    .append(f.get("salary_max")).append(",YEAR\n");
        }
        Response r = TestTokens.asLoader().contentType("text/csv").body((out.toString()).getBytes(StandardCharsets.UTF_8)).post("/ads");
        r.then().statusCode(200).body("linesRejected", equalTo(0));
        int unresolved = r.path("unresolvedLocations");
        org.junit.jupiter.api.Assertions.assertTrue(unresolved <= n * 0.05, unresolved + " of " + n + " unresolved");
        String q = "{ skill(name: \"%s\") { market(region: \"uk\", period: {end: \"2025-01-31\", months: 1}) { vacancies } } }";
        assertShare("Python", graphql(q.formatted("Python")).path("data.skill.market.vacancies"), python);
        assertShare("SQL", graphql(q.formatted("SQL")).path("data.skill.market.vacancies"), sql);
        assertShare("Azure", graphql(q.formatted("Azure")).path("data.skill.market.vacancies"), azure);
    }

    /** The service may find a few more (aliases such as "Microsoft Azure"), never fewer, than a plain search. */
    private static void assertShare(String skill, int found, int expected) {
        org.junit.jupiter.api.Assertions.assertTrue(found >= expected && found <= expected * 1.05 + 1,
                skill + ": service found " + found + ", plain search " + expected);
    }

    private static String q(String s) {
        return "\"" + (s == null ? "" : s.replace("\"", "\"\"")) + "\"";
    }
}
