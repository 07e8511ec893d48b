package io.jobstats.reference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped taxonomy names each term one way, and its ambiguous words count only with their context. */
class TaxonomyTest {

    static Taxonomy taxonomy;

    @BeforeAll
    static void read() {
        taxonomy = TaxonomyFile.read().numbered();
    }

    /** A name or alias of two terms would make term(name:) and an ad's skills tag pick one of them silently. */
    @Test
    void noNameOrAliasBelongsToTwoTerms() {
        Map<String, Set<String>> owners = new HashMap<>();
        for (Term t : taxonomy.terms()) {
            List<String> forms = new ArrayList<>(t.aliases());
            forms.add(t.name());
            for (String f : forms) {
                owners.computeIfAbsent(Taxonomy.lookupKey(f), k -> new TreeSet<>()).add(t.name());
            }
        }
        owners.values().removeIf(o -> o.size() < 2);
        assertEquals(Map.of(), owners);
    }

    @Test
    void formerlySharedAbbreviationsNameTheRole() {
        assertEquals("Site Reliability Engineer", taxonomy.lookup("SRE").name());
        assertEquals("Database Administrator", taxonomy.lookup("DBA").name());
    }

    @Test
    void theAmbiguousWordsAreMarked() {
        for (String name : List.of("Chef", "Puppet", "Go", "R", "Swift", "Rust", "Retail", "Sales")) {
            Term t = taxonomy.lookup(name);
            assertTrue(t.patterns().get(0).context() != Term.Context.NONE, name);
        }
        Term spark = taxonomy.lookup("Apache Spark");
        assertEquals(Term.Context.NONE, spark.patterns().get(0).context());
        assertEquals(Term.Context.NEAR_SKILL, spark.patterns().stream().filter(p -> p.text().equals("Spark"))
                .findFirst().orElseThrow().context());
    }

    @Test
    void marksAreReadInOrder() {
        assertEquals(new Term.Pattern("Go", true, Term.Context.NEAR_SKILL), TaxonomyFile.pattern("??!Go"));
        assertEquals(new Term.Pattern("Retail", false, Term.Context.IT_AD), TaxonomyFile.pattern(" ?Retail "));
        assertEquals(new Term.Pattern("Excel", true, Term.Context.NONE), TaxonomyFile.pattern("!Excel"));
    }

    /**
     * title | description | skills that must be found | skills that must not ("-" for none). An IT ad names a role
     * in its title or features two skills found without context.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // Not IT ads: the ordinary words stay words.
            "Chef de Partie|Busy restaurant kitchen seeks a Chef to run the pass. Food hygiene certificate needed.|-|Chef",
            "Retail Sales Assistant|Serve customers in our Retail store; Sales targets and bonuses.|-|Retail;Sales",
            "Store Manager|Retail experience and strong Excel skills.|Excel|Retail",
            "Electrician|Bright Spark needed for domestic installs.|-|Apache Spark",
            "Delivery Driver|Swift and reliable deliveries across Birmingham.|-|Swift",
            "R&D Technician|Laboratory work in our R&D centre.|-|R",
            "Puppet Maker|Puppet shows for children's theatre.|-|Puppet",
            // IT ads: the same words as skills.
            "DevOps Engineer|Configuration with Chef, Puppet and Ansible on AWS.|Chef;Puppet;Ansible;AWS|-",
            "Backend Developer|Services in Python, Go and Rust.|Python;Go;Rust|-",
            "Go Developer|Join a friendly team.|Go|-",
            "Data Scientist|Statistics in R and Python.|R;Statistics;Python|-",
            "Data Engineer|Pipelines on Spark and Databricks.|Apache Spark;Databricks|-",
            "iOS Developer|Apps in Swift and SwiftUI.|Swift;SwiftUI|-",
            "Software Engineer|We build software for the retail sector.|Retail|-",
            "Rockstar Ninja|C# and SQL Server for a retail client.|C#;SQL Server;Retail|-",
            // An IT ad still does not take a word far from any skill.
            "Java Developer|Go the extra mile for our customers, every single day and with a smile. We build services in Java.|Java|Go",
    })
    void ambiguousWordsNeedTheirContext(String title, String description, String found, String absent) {
        Term role = taxonomy.role(title);
        BitSet ids = new BitSet();
        taxonomy.findSkills(title, description, role != null, ids);
        Set<String> names = new TreeSet<>();
        ids.stream().forEach(id -> names.add(taxonomy.byId(id).name()));
        for (String name : split(found)) {
            assertTrue(names.contains(name), name + " not found in \"" + title + "\": " + names);
        }
        for (String name : split(absent)) {
            assertFalse(names.contains(name), name + " found in \"" + title + "\": " + names);
        }
    }

    private static List<String> split(String names) {
        return names.equals("-") ? List.of() : Arrays.asList(names.split(";"));
    }
}
