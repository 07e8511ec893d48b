package io.jobstats.counts;

import io.jobstats.database.BinaryCopy;
import io.jobstats.market.PlacedPointsEncoding;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A half month's salary points by day and term with each ad's position: the rows of salary_point_day (V17), one per
 * day, type and term (0: every ad), in {@link PlacedPointsEncoding}. A period's edge days are read from them instead
 * of from ad_fact: a term's own day, one row, instead of every ad of the day in the region to test for the term.
 */
final class SalaryPointDays {

    private final LocalDate start;
    /** By day of the half month, then term id: each its ads' positions and points. */
    private final Column[][] days = new Column[16][];

    SalaryPointDays(LocalDate start) {
        this.start = start;
    }

    /** An ad quoting a salary: its point under every ad (term 0) and under each of its terms, on its day. */
    void add(LocalDate posted, int position, double point, int[] terms) {
        int day = Math.toIntExact(posted.toEpochDay() - start.toEpochDay());
        column(day, 0).add(position, point);
        for (int t : terms) {
            column(day, t).add(position, point);
        }
    }

    /** The rows as COPY's binary form: employment, day, term_id, points. */
    byte[] rows(short employment) {
        BinaryCopy.Writer out = new BinaryCopy.Writer(1 << 16);
        for (int d = 0; d < days.length; d++) {
            if (days[d] == null) {
                continue;
            }
            LocalDate day = start.plusDays(d);
            for (int t = 0; t < days[d].length; t++) {
                Column c = days[d][t];
                if (c != null) {
                    out.row(4).int2(employment).date(day).int4(t)
                            .bytea(PlacedPointsEncoding.encode(c.positions, c.points, c.size));
                }
            }
        }
        return out.finish();
    }

    private Column column(int day, int term) {
        Column[] byTerm = days[day];
        if (byTerm == null || term >= byTerm.length) {
            byTerm = byTerm == null ? new Column[Math.max(1024, term + 1)]
                    : Arrays.copyOf(byTerm, Math.max(2 * byTerm.length, term + 1));
            days[day] = byTerm;
        }
        if (byTerm[term] == null) {
            byTerm[term] = new Column();
        }
        return byTerm[term];
    }

    /** A day's and term's ads: position and point each, grown by doubling. */
    private static final class Column {
        int[] positions = new int[4];
        double[] points = new double[4];
        int size;

        void add(int position, double point) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, 2 * size);
                points = Arrays.copyOf(points, 2 * size);
            }
            positions[size] = position;
            points[size++] = point;
        }
    }
}
