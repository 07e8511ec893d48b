package io.jobstats.ads;

import io.jobstats.reference.RegionNode;
import io.jobstats.reference.RegionTree;
import io.jobstats.reference.RegionTreeBuilder;
import io.jobstats.reference.Taxonomy;
import io.jobstats.reference.TaxonomyFile;
import io.jobstats.reference.Term;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.BitSet;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gazetteer, title normalisation, skill matching and salary parsing, on the shipped reference data. */
class NormalisationTest {

    static RegionTree regions;
    static Taxonomy taxonomy;

    @BeforeAll
    static void load() {
        regions = RegionTreeBuilder.buildFromResources();
        taxonomy = TaxonomyFile.read().numbered();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Birmingham|UK > England > Midlands > West Midlands > Birmingham",
            "Solihull|UK > England > Midlands > West Midlands > Solihull",
            "Coventry CV1|UK > England > Midlands > West Midlands > Coventry",
            "Nottingham, East Midlands|UK > England > Midlands > East Midlands > Nottingham",
            "NG1 5FS|UK > England > Midlands > East Midlands > Nottingham",
            "Leicester|UK > England > Midlands > East Midlands > Leicester",
            "Derby|UK > England > Midlands > East Midlands > Derby",
            "Lincoln|UK > England > Midlands > East Midlands > Lincolnshire > City of Lincoln",
            "Northampton|UK > England > Midlands > East Midlands > Northamptonshire > Northampton",
            "Stoke-on-Trent|UK > England > Midlands > West Midlands > Stoke-on-Trent",
            "London|UK > England > London",
            "Manchester|UK > England > North of England > North West > Manchester",
            "Edinburgh|UK > Scotland > City of Edinburgh > Edinburgh",
            "Belfast|UK > Northern Ireland > Belfast",
            "Remote (UK)|UK",
            "Midlands|UK > England > Midlands",
    })
    void gazetteerResolvesToTheRegionPath(String location, String path) {
        RegionTree.Resolution r = regions.resolve(location);
        assertTrue(r.resolved(), location);
        assertEquals(path, r.region().toString(), location);
    }

    @Test
    void remoteHybridAndUnknownPlaces() {
        RegionTree.Resolution remote = regions.resolve("Remote");
        assertEquals("UK", remote.region().name);
        assertTrue(remote.remote() && remote.resolved());
        RegionTree.Resolution hybrid = regions.resolve("Hybrid - Birmingham");
        assertEquals("Birmingham", hybrid.region().name);
        assertTrue(hybrid.hybrid());
        RegionTree.Resolution unknown = regions.resolve("Atlantis");
        assertFalse(unknown.resolved());
        assertEquals("UK", unknown.region().name);
    }

    @Test
    void everyGazetteerPlaceAndAuthorityHasARegionPath() {
        // Every node is reachable from UK, and slugs are unique.
        Set<String> slugs = new TreeSet<>();
        for (RegionNode n : regions.nodes()) {
            assertTrue(slugs.add(n.slug), n.slug);
            RegionNode top = n;
            while (top.parent != null) {
                top = top.parent;
            }
            assertEquals("UK", top.name);
        }
        assertTrue(regions.nodes().size() > 20_000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Jr. Back-End Developer (C#/.NET) - Hybrid|Junior Backend Developer",
            "Junior Backend Developer|Junior Backend Developer",
            "Senior Data Engineer - Python|Senior Data Engineer",
            "Data Engineer|Data Engineer",
            "Snr Full-Stack Developer|Senior Full Stack Developer",
            "Graduate Software Developer|Junior Software Developer",
            "Lead .NET Developer|Lead .NET Developer",
            "C# Developer|C# Developer",
            "C++ Developer|C++ Developer",
            "Front End Engineer|Frontend Developer",
    })
    void titlesNormaliseToRoles(String title, String role) {
        Term t = taxonomy.role(title);
        assertNotNull(t, title);
        assertEquals(role, t.name());
    }

    @Test
    void unknownTitleHasNoRole() {
        assertNull(taxonomy.role("Rockstar Ninja"));
    }

    @Test
    void skillsAreMatchedAsWholeTerms() {
        assertEquals(Set.of("C#", ".NET", "Node.js", "CI/CD", "C++", "Azure", "Azure DevOps", "DevOps"),
                skills("C# and .NET with Node.js, CI/CD in Azure DevOps; some C++"));
        assertEquals(Set.of("JavaScript"), skills("JavaScript only"));
        assertEquals(Set.of("ASP.NET Core", "ASP.NET"), skills("ASP.NET Core"));
        assertEquals(Set.of(), skills("the rest of the team will go home"));
        assertEquals(Set.of("SQL Server", "SQL"), skills("MS SQL Server"));
    }

    private static Set<String> skills(String text) {
        BitSet found = new BitSet();
        taxonomy.findSkills(null, text, false, found);
        Set<String> names = new TreeSet<>();
        found.stream().forEach(id -> names.add(taxonomy.byId(id).name()));
        return names;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "£22k - £25k per annum|22000|25000|YEAR|GBP",
            "£450/day|450|450|DAY|GBP",
            "up to £45,000|-|45000|YEAR|GBP",
            "£15.50 per hour|15.5|15.5|HOUR|GBP",
            "From £30,000|30000|-|YEAR|GBP",
            "22-25k|22000|25000|YEAR|GBP",
            "€60,000 - €70,000|60000|70000|YEAR|EUR",
            "£3,000 per month|3000|3000|MONTH|GBP",
            "£550 - £600 per day, 3 days a week on site|550|600|DAY|GBP",
    })
    void salaryTextIsParsed(String text, Double min, Double max, PayPeriod period, String currency) {
        assertEquals(new Salary(min, max, period, currency), SalaryText.parse(text));
    }

    @Test
    void salaryTextWithoutAmountIsNotASalary() {
        assertNull(SalaryText.parse("Competitive"));
        assertNull(SalaryText.parse("DOE"));
    }

    @Test
    void salaryPointsFollowMetrics() {
        assertEquals(22_500.0, new Salary(20_000.0, 25_000.0, PayPeriod.YEAR, "GBP").point(Employment.PERMANENT));
        assertEquals(450.0 * 260, new Salary(450.0, 450.0, PayPeriod.DAY, "GBP").point(Employment.PERMANENT));
        assertEquals(15.5 * 7.5, new Salary(15.5, null, PayPeriod.HOUR, "GBP").point(Employment.CONTRACT), 1e-9);
        assertEquals(3_000.0 * 12, new Salary(null, 3_000.0, PayPeriod.MONTH, "GBP").point(Employment.PERMANENT));
        assertNull(new Salary(9_000.0, 9_000.0, PayPeriod.YEAR, "GBP").point(Employment.PERMANENT));
        assertNull(new Salary(60_000.0, 60_000.0, PayPeriod.YEAR, "EUR").point(Employment.PERMANENT));
        assertNull(new Salary(40.0, 45.0, PayPeriod.DAY, "GBP").point(Employment.CONTRACT));
    }
}
