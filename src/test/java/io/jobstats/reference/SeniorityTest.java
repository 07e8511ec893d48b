package io.jobstats.reference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeniorityTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "Junior Backend Developer, JUNIOR",
            "Graduate Data Analyst, GRADUATE",
            "IT Apprentice, GRADUATE",
            "Entry-Level Tester, JUNIOR",
            "Entry Level Tester, JUNIOR",
            "Mid-Level Developer, MID",
            "Senior Software Engineer, SENIOR",
            "Staff Software Engineer, LEAD",
            "Lead Developer, LEAD",
            "Principal Engineer, PRINCIPAL",
            "Head of Engineering, HEAD",
            "Chief Technology Officer, HEAD",
            "IT Director, HEAD",
            "Backend Developer, -",
            "Leader of Nothing, -",
            "Internal Auditor, -",
            "Headless CMS Developer, -"})
    void fromTheRolesName(String name, Seniority expected) {
        assertEquals(expected, Seniority.of(name));
    }
}
