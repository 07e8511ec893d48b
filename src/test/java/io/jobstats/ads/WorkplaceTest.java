package io.jobstats.ads;

import io.jobstats.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The workplace rules of docs/metrics.md, phrase by phrase, in Java (what a load stores) and in the SQL function
 * V8__workplace.sql classified the ads held before with: each must give the expected answer.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class WorkplaceTest {

    /** location, title, description, expected. */
    static final String[][] CASES = {
            {"Hybrid - Birmingham", "Developer", "", "HYBRID"},
            {"Leeds", "Developer - HYBRID", null, "HYBRID"},
            {"Leeds", "Developer", "3 days per week in the office", "HYBRID"},
            {"Leeds", "Developer", "two days in office, the rest remote", "HYBRID"},
            {"Leeds", "Developer", "4 days on-site", "HYBRID"},
            {"Leeds", "Developer", "1 day a week onsite", "HYBRID"},
            {"Leeds", "Developer", "2-3 days a week in the office", "HYBRID"},
            {"Leeds", "Developer", "5 days in the office", "UNKNOWN"},
            {"Leeds", "Developer", "3 days holiday then we meet in the office", "UNKNOWN"},
            {"Remote (UK)", "Developer", "", "REMOTE"},
            {"Leeds", "Developer", "Fully remote.", "REMOTE"},
            {"Leeds", "Developer", "You can Work From Home", "REMOTE"},
            {"Leeds", "Developer", "working from home is fine", "REMOTE"},
            {"Leeds", "Developer (WFH)", "", "REMOTE"},
            {"Leeds", "Developer", "remotely", "UNKNOWN"},
            {"Leeds", "Developer", "This role is office-based", "ONSITE"},
            {"Leeds", "Developer", "Office based in Leeds", "ONSITE"},
            {"Leeds", "Developer", "On-site parking", "ONSITE"},
            {"Leeds", "Developer", "Onsite", "ONSITE"},
            {"Leeds", "Developer", "Free parking on site", "UNKNOWN"},
            {"Leeds", "Developer", "Remote first, office-based once a month", "REMOTE"},
            {"Leeds", "Developer", "hybridisation of crops", "UNKNOWN"},
            {"Leeds", "Developer", null, "UNKNOWN"},
    };

    @Inject
    DataSource dataSource;

    @Test
    void javaAndTheMigrationsFunctionGiveTheDocumentedWorkplace() throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT workplace_of(?, ?, ?)")) {
            for (String[] k : CASES) {
                String expected = k[3];
                Workplace java = Workplace.of(k[0], k[1], k[2]);
                ps.setString(1, k[0]);
                ps.setString(2, k[1]);
                ps.setString(3, k[2]);
                Workplace sql;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sql = Workplace.values()[rs.getInt(1)];
                }
                if (!java.name().equals(expected) || sql != java) {
                    wrong.add(String.join(" | ", k[0], k[1], String.valueOf(k[2])) + ": java " + java + ", sql " + sql
                            + ", expected " + expected);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
