package io.jobstats.database;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NamedSqlTest {

    @Test
    void namesBecomePositionsInOrderAndMayRepeat() {
        NamedSql s = NamedSql.of("SELECT t FROM x WHERE a = :term AND b BETWEEN :start AND :end OR c = :term");
        assertEquals("SELECT t FROM x WHERE a = ? AND b BETWEEN ? AND ? OR c = ?", s.jdbc());
        assertEquals(List.of("term", "start", "end", "term"), s.parameters());
    }

    @Test
    void castsStringsQuotedNamesAndCommentsAreLeftAlone() {
        NamedSql s = NamedSql.of("""
                SELECT to_char(m, 'HH24:MI'), ":not", :sign::int -- what :this says
                FROM t WHERE ARRAY[:term::int] <@ terms
                """);
        assertEquals("SELECT to_char(m, 'HH24:MI'), \":not\", ?::int \nFROM t WHERE ARRAY[?::int] <@ terms\n", s.jdbc());
        assertEquals(List.of("sign", "term"), s.parameters());
    }
}
